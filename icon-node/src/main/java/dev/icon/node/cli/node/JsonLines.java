package dev.icon.node.cli.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.icon.node.daemon.NodeEvents;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/**
 * Prints node events as one JSON object per line with {@code "event"} and {@code "ts"} (ms since
 * epoch), the format of {@code icon peer}. Thread-safe: lines never interleave.
 */
final class JsonLines implements NodeEvents {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final PrintStream out;
  private final Clock clock;

  JsonLines(PrintStream out, Clock clock) {
    this.out = out;
    this.clock = clock;
  }

  @Override
  public void emit(String event, Map<String, ?> fields) {
    ObjectNode node = JSON.createObjectNode();
    node.put("event", event);
    node.put("ts", clock.millis());
    fields.forEach((k, v) -> node.set(k, JSON.valueToTree(v)));
    String line = node.toString();
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }
}
