package dev.icon.node.ingress;

import dev.icon.tomography.map.MapSnapshot;
import dev.icon.tomography.map.RttEstimator;
import dev.icon.tomography.map.TopologyMap;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Client RTTs estimated from the topology map ({@link RttEstimator}: the cheapest path from this
 * node to the client's address over the map's edges), for clients whose kernel RTT the ingress
 * cannot read. {@link #rtt} never computes: it answers from a cache and notes the client;
 * {@link #refresh()} (called off the I/O threads, e.g. once per decision period) estimates every
 * noted client from one map snapshot. A client is a map node only if some trace reached its
 * address. Thread-safe.
 */
public final class TomographyRttSource implements ClientRttSource {

  private final TopologyMap map;
  private final String self;
  private final int maxClients;
  private final Map<String, Optional<Duration>> estimates = new ConcurrentHashMap<>();

  /**
   * A source estimating from {@code self} (this node's id in the map) to each client, for at
   * most {@code maxClients} distinct client addresses (later ones get no estimate).
   */
  public TomographyRttSource(TopologyMap map, String self, int maxClients) {
    this.map = Objects.requireNonNull(map, "map");
    this.self = Objects.requireNonNull(self, "self");
    if (maxClients < 1) {
      throw new IllegalArgumentException("maxClients: must be positive, was " + maxClients);
    }
    this.maxClients = maxClients;
  }

  @Override
  public Optional<Duration> rtt(InetAddress client) {
    String id = client.getHostAddress();
    Optional<Duration> known = estimates.get(id);
    if (known != null) {
      return known;
    }
    if (estimates.size() < maxClients) {
      estimates.putIfAbsent(id, Optional.empty());
    }
    return Optional.empty();
  }

  /** Estimates every client noted so far from a fresh snapshot; returns how many have one. */
  public int refresh() {
    MapSnapshot snapshot = map.snapshot();
    int known = 0;
    for (String client : estimates.keySet()) {
      OptionalDouble ms = RttEstimator.estimate(snapshot, self, client);
      Optional<Duration> d = ms.isPresent()
          ? Optional.of(Duration.ofNanos(Math.round(ms.getAsDouble() * 1e6))) : Optional.empty();
      estimates.put(client, d);
      known += d.isPresent() ? 1 : 0;
    }
    return known;
  }

  /** How many client addresses are noted. */
  public int clients() {
    return estimates.size();
  }
}
