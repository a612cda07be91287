package dev.icon.gossip.host;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The pub/sub meters, named {@code <prefix>.<name>} (prefix from the settings, default
 * {@code icon.gossip}); the table is in {@code gossip/README.md}. Every meter carries the tag
 * {@code peer} (our peer id) so several nodes can share one registry. Thread-safe; {@link #close()}
 * removes every meter this instance registered.
 */
final class GossipMetrics implements AutoCloseable {
  private final MeterRegistry registry;
  private final String prefix;
  private final Tags base;
  private final List<Meter> meters = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> meshSizes = new ConcurrentHashMap<>();
  private final Map<String, Meter> meshGauges = new ConcurrentHashMap<>();
  private final Map<String, Counter> rejectedByReason = new ConcurrentHashMap<>();
  private final AtomicInteger peers = new AtomicInteger();

  final Counter delivered;
  final Counter duplicates;
  final Counter ignored;
  final Counter published;
  final Counter rpcsIn;
  final Counter rpcsOut;
  final Counter bytesIn;
  final Counter bytesOut;
  final Counter framesDropped;
  final Counter framesMalformed;
  final ControlMetrics control;
  final Counter rpcsDropped;

  GossipMetrics(MeterRegistry registry, String prefix, String self) {
    this.registry = registry;
    this.prefix = prefix;
    this.base = Tags.of("peer", self);
    delivered = counter("messages.delivered", "first-seen valid messages delivered to handlers");
    duplicates = counter("messages.duplicate", "messages received again after the first time");
    ignored = counter("messages.ignored", "messages a validator ignored or did not judge in time");
    published = counter("messages.published", "messages this node published");
    rpcsIn = counter("rpc.received", "RPC frames read from peers");
    rpcsOut = counter("rpc.sent", "RPC frames queued to peers");
    bytesIn = counter("bytes.received", "RPC bytes read, with length prefixes");
    bytesOut = counter("bytes.sent", "RPC bytes queued, with length prefixes");
    framesDropped = counter("frames.dropped", "outbound RPCs dropped on a full peer queue");
    framesMalformed = counter("frames.malformed", "inbound streams reset for a bad frame");
    control = new ControlMetrics(registry, prefix, base);
    rpcsDropped = counter("rpc.dropped", "inbound RPCs dropped: the router's queue was full");
    meters.add(Gauge.builder(prefix + ".peers", peers, AtomicInteger::get)
        .description("peers with a pubsub stream").tags(base).register(registry));
  }

  /** Counts a rejected message under {@code reason}. */
  void rejected(String reason) {
    rejectedByReason.computeIfAbsent(reason, r -> {
      Counter c = Counter.builder(prefix + ".messages.rejected").tags(base.and("reason", r))
          .description("messages rejected, by reason").register(registry);
      meters.add(c);
      return c;
    }).increment();
  }

  /** Sets the mesh size of {@code topic}, registering its gauge on first use. */
  void meshSize(String topic, int size) {
    meshSizes.computeIfAbsent(topic, t -> {
      AtomicInteger v = new AtomicInteger();
      meshGauges.put(t, Gauge.builder(prefix + ".mesh.peers", v, AtomicInteger::get)
          .tags(base.and("topic", t)).description("peers in our mesh of the topic")
          .register(registry));
      return v;
    }).set(size);
  }

  /** Removes the mesh gauge of a topic we left. */
  void topicLeft(String topic) {
    meshSizes.remove(topic);
    Meter g = meshGauges.remove(topic);
    if (g != null) {
      registry.remove(g);
    }
  }

  /** The pubsub peer count. */
  AtomicInteger peers() {
    return peers;
  }

  private Counter counter(String name, String description) {
    Counter c = Counter.builder(prefix + "." + name).tags(base).description(description)
        .register(registry);
    meters.add(c);
    return c;
  }

  @Override
  public void close() {
    control.close();
    for (Meter m : meters) {
      registry.remove(m);
    }
    for (String topic : List.copyOf(meshGauges.keySet())) {
      topicLeft(topic);
    }
  }
}
