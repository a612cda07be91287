package dev.icon.gossip.host;

import dev.icon.overlay.identity.PeerId;
import dev.icon.proto.libp2p.pubsub.ControlMessage;
import dev.icon.proto.libp2p.pubsub.RPC;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Control-message counters per remote peer: {@code <prefix>.control.sent} and
 * {@code <prefix>.control.received}, tagged {@code remote} (the peer id) and {@code type}:
 * {@code ihave}, {@code iwant}, {@code graft}, {@code prune} count control entries (one per topic
 * for IHAVE/GRAFT/PRUNE, one per request for IWANT), {@code ihave_ids} and {@code iwant_ids} the
 * message ids in them. What {@code icon peer --gossip-stats} prints, to show IHAVE/IWANT traffic
 * between implementations. One counter per (remote, type, direction) seen, kept until
 * {@link #close()}: cardinality grows with the peers met. Thread-safe.
 */
final class ControlMetrics implements AutoCloseable {
  private final MeterRegistry registry;
  private final String prefix;
  private final Tags base;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  ControlMetrics(MeterRegistry registry, String prefix, Tags base) {
    this.registry = registry;
    this.prefix = prefix;
    this.base = base;
  }

  /** Counts the control part of {@code rpc}, {@code sent} to or received from {@code remote}. */
  void count(PeerId remote, RPC rpc, boolean sent) {
    if (!rpc.hasControl()) {
      return;
    }
    ControlMessage c = rpc.getControl();
    String direction = sent ? "sent" : "received";
    add(remote, direction, "ihave", c.getIhaveCount());
    add(remote, direction, "iwant", c.getIwantCount());
    add(remote, direction, "graft", c.getGraftCount());
    add(remote, direction, "prune", c.getPruneCount());
    long ihaveIds = 0;
    for (var ihave : c.getIhaveList()) {
      ihaveIds += ihave.getMessageIDsCount();
    }
    long iwantIds = 0;
    for (var iwant : c.getIwantList()) {
      iwantIds += iwant.getMessageIDsCount();
    }
    add(remote, direction, "ihave_ids", ihaveIds);
    add(remote, direction, "iwant_ids", iwantIds);
  }

  private void add(PeerId remote, String direction, String type, long n) {
    if (n == 0) {
      return;
    }
    String id = remote.toBase58();
    counters.computeIfAbsent(direction + "/" + type + "/" + id, k ->
        Counter.builder(prefix + ".control." + direction)
            .tags(base.and("remote", id, "type", type))
            .description("gossip control entries (or ids) " + direction + ", per remote peer")
            .register(registry)).increment(n);
  }

  @Override
  public void close() {
    counters.values().forEach(registry::remove);
    counters.clear();
  }
}
