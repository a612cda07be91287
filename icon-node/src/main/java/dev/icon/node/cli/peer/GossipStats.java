package dev.icon.node.cli.peer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code gossip-stats} event: control messages per remote peer, the same fields as the js
 * peer's ({@code lib/gossip-stats.mjs}). Read from the pub/sub binding's Micrometer counters
 * {@code <prefix>.control.sent} and {@code <prefix>.control.received}, tagged {@code remote} (the
 * peer id) and {@code type} ({@code ihave}, {@code iwant}, {@code graft}, {@code prune}: control
 * entries, one IHAVE/GRAFT/PRUNE per topic and one IWANT per request; {@code ihave_ids},
 * {@code iwant_ids}: the message ids they carry). Stateless; thread-safe as the registry is.
 */
final class GossipStats {

  /** Count names, in the order of the js peer's event. */
  static final List<String> KINDS = List.of("ihave", "iwant", "graft", "prune");

  private final MeterRegistry registry;
  private final String prefix;

  GossipStats(MeterRegistry registry, String prefix) {
    this.registry = registry;
    this.prefix = prefix;
  }

  /** {@code peers}: {peerId: counts}, {@code total}: counts. */
  Map<String, Object> snapshot() {
    Map<String, Map<String, Long>> peers = new TreeMap<>();
    Map<String, Long> total = blank();
    for (String direction : List.of("sent", "received")) {
      for (Counter c : registry.find(prefix + ".control." + direction).counters()) {
        String remote = c.getId().getTag("remote");
        String type = c.getId().getTag("type");
        String field = type + "_" + direction;
        if (remote == null || !total.containsKey(field)) {
          continue;
        }
        long n = (long) c.count();
        peers.computeIfAbsent(remote, r -> blank()).merge(field, n, Long::sum);
        total.merge(field, n, Long::sum);
      }
    }
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("peers", peers);
    f.put("total", total);
    return f;
  }

  private static Map<String, Long> blank() {
    Map<String, Long> c = new LinkedHashMap<>();
    for (String k : KINDS) {
      c.put(k + "_sent", 0L);
      c.put(k + "_received", 0L);
    }
    for (String k : List.of("ihave_ids", "iwant_ids")) {
      c.put(k + "_sent", 0L);
      c.put(k + "_received", 0L);
    }
    return c;
  }
}
