package dev.icon.tomography.map;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.PriorityQueue;

/**
 * Estimates the RTT between two nodes of a map. Stateless; works on a snapshot.
 *
 * <p>Composed estimate ({@link #estimate}): the cheapest path through the map's edges, each
 * costing its mean RTT (so a provider's RTT to a hop on a client's path plus the rest of that
 * path, whoever observed the parts). Client-prefix nodes are aggregates, not places packets pass:
 * a path may end at one but never crosses one.
 *
 * <p>Refined estimate ({@link #refined}): an edge between exactly the two nodes last seen no more
 * than {@code maxDirectAge} ago is a direct measurement (a probe from one to the other, or a
 * single traced hop) and is taken as it is (its mean), even where a composed path would be
 * cheaper; without a fresh one, the composed estimate. {@link #forClient} applies this to a
 * client address, falling back to the client's prefix when the address itself is unknown or
 * unreachable in the map.
 */
public final class RttEstimator {

  private RttEstimator() {}

  /** The composed RTT estimate in milliseconds from {@code from} to {@code to}, empty if unconnected. */
  public static OptionalDouble estimate(MapSnapshot map, String from, String to) {
    if (from.equals(to)) {
      return OptionalDouble.of(0);
    }
    Map<String, List<MapEdge>> adjacent = new HashMap<>();
    for (MapEdge e : map.edges()) {
      adjacent.computeIfAbsent(e.key().a(), k -> new ArrayList<>()).add(e);
      adjacent.computeIfAbsent(e.key().b(), k -> new ArrayList<>()).add(e);
    }
    Map<String, Double> best = new HashMap<>();
    PriorityQueue<Map.Entry<String, Double>> queue =
        new PriorityQueue<>(Map.Entry.comparingByValue());
    best.put(from, 0.0);
    queue.add(Map.entry(from, 0.0));
    while (!queue.isEmpty()) {
      Map.Entry<String, Double> head = queue.poll();
      String node = head.getKey();
      double cost = head.getValue();
      if (cost > best.getOrDefault(node, Double.MAX_VALUE)) {
        continue;
      }
      if (node.equals(to)) {
        return OptionalDouble.of(cost);
      }
      if (!node.equals(from) && map.nodes().get(node) == NodeKind.CLIENT_PREFIX) {
        continue;
      }
      for (MapEdge e : adjacent.getOrDefault(node, List.of())) {
        String next = e.key().a().equals(node) ? e.key().b() : e.key().a();
        double c = cost + e.rtt().meanMillis();
        if (c < best.getOrDefault(next, Double.MAX_VALUE)) {
          best.put(next, c);
          queue.add(Map.entry(next, c));
        }
      }
    }
    return OptionalDouble.empty();
  }

  /**
   * The refined estimate from {@code from} to {@code to}: a direct edge between them last seen at
   * or after {@code now - maxDirectAge}, else the composed estimate; empty if unconnected.
   */
  public static Optional<RttEstimate> refined(MapSnapshot map, String from, String to,
      Instant now, Duration maxDirectAge) {
    if (from.equals(to)) {
      return Optional.of(new RttEstimate(0, RttEstimate.Basis.DIRECT, to));
    }
    Instant cutoff = now.minus(maxDirectAge);
    EdgeKey key = EdgeKey.of(from, to);
    for (MapEdge e : map.edges()) {
      if (e.key().equals(key) && !e.lastSeen().isBefore(cutoff)) {
        return Optional.of(new RttEstimate(e.rtt().meanMillis(), RttEstimate.Basis.DIRECT, to));
      }
    }
    OptionalDouble composed = estimate(map, from, to);
    return composed.isPresent()
        ? Optional.of(new RttEstimate(composed.getAsDouble(), RttEstimate.Basis.COMPOSED, to))
        : Optional.empty();
  }

  /**
   * The refined estimate from {@code provider} to {@code client}: to the client's own node when
   * the map connects it, else to its prefix ({@code prefixes}); empty if neither is connected.
   */
  public static Optional<RttEstimate> forClient(MapSnapshot map, String provider,
      InetAddress client, ClientPrefixes prefixes, Instant now, Duration maxDirectAge) {
    Optional<RttEstimate> own = refined(map, provider, client.getHostAddress(), now, maxDirectAge);
    return own.isPresent() ? own
        : refined(map, provider, prefixes.nodeId(client), now, maxDirectAge);
  }
}
