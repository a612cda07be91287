package dev.icon.node.cli.peer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/**
 * Prints one JSON object per line, each with {@code "event"} and {@code "ts"} (ms since epoch), the
 * format scripts and tests read. Thread-safe: lines from several event loops never interleave.
 */
final class EventPrinter {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final PrintStream out;
  private final Clock clock;

  EventPrinter(PrintStream out, Clock clock) {
    this.out = out;
    this.clock = clock;
  }

  /** Prints {@code event} with {@code fields} (values: strings, numbers, booleans, lists, maps). */
  void emit(String event, Map<String, ?> fields) {
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

  /** Prints an {@code error} event naming where it happened. */
  void error(String where, Throwable cause) {
    Throwable root = cause;
    while ((root instanceof java.util.concurrent.CompletionException
        || root instanceof java.util.concurrent.ExecutionException) && root.getCause() != null) {
      root = root.getCause();
    }
    String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    emit("error", Map.of("where", where, "message", message));
  }
}
