package dev.icon.tomography.map;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.PriorityQueue;

/**
 * Estimates the RTT between two nodes of a map from shared hops: the cheapest path through the
 * map's edges, each costing its mean RTT (so a provider's RTT to a hop on a client's path plus the
 * rest of that path, whoever observed the parts). Stateless; works on a snapshot.
 */
public final class RttEstimator {

  private RttEstimator() {}

  /** The estimated RTT in milliseconds from {@code from} to {@code to}, empty if unconnected. */
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
}
