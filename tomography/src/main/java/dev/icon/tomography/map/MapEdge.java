package dev.icon.tomography.map;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * One edge as last reported: its RTT statistics, when, and by whom.
 *
 * @param key the edge
 * @param rtt the RTT statistics the observer holds
 * @param lastSeen when the observer last saw it
 * @param observer who observed it (a peer id as text)
 */
public record MapEdge(EdgeKey key, RttStats rtt, Instant lastSeen, String observer) {

  /**
   * The order merges keep the greater of: later {@code lastSeen}, then larger observer, then the
   * statistics themselves. Total on edges with the same key, so merging is commutative and
   * idempotent (last writer wins).
   */
  public static final Comparator<MapEdge> NEWER = Comparator
      .comparing(MapEdge::lastSeen)
      .thenComparing(MapEdge::observer)
      .thenComparingLong(e -> e.rtt().count())
      .thenComparingDouble(e -> e.rtt().meanMillis())
      .thenComparingDouble(e -> e.rtt().minMillis())
      .thenComparingDouble(e -> e.rtt().maxMillis());

  /** The order size bounds evict by: oldest first, ties broken by the edge key. */
  static final Comparator<MapEdge> EVICTION = NEWER.thenComparing(MapEdge::key);

  public MapEdge {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(rtt, "rtt");
    Objects.requireNonNull(lastSeen, "lastSeen");
    Objects.requireNonNull(observer, "observer");
  }
}
