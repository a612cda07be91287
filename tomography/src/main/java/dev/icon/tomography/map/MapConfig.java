package dev.icon.tomography.map;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds of a {@link TopologyMap}.
 *
 * @param maxEdges the most edges kept; beyond it the oldest (by {@link MapEdge#NEWER}) are dropped
 * @param maxAge edges not seen for longer are dropped by {@link TopologyMap#expire}, and refused
 *     by merges as stale
 * @param maxFutureSkew merged edges last seen further than this in the future are refused (a
 *     forged or badly clocked edge would otherwise win every merge)
 */
public record MapConfig(int maxEdges, Duration maxAge, Duration maxFutureSkew) {

  public MapConfig {
    Objects.requireNonNull(maxAge, "maxAge");
    Objects.requireNonNull(maxFutureSkew, "maxFutureSkew");
    if (maxFutureSkew.isNegative()) {
      throw new IllegalArgumentException("MapConfig.maxFutureSkew must not be negative");
    }
    if (maxEdges < 1) {
      throw new IllegalArgumentException("MapConfig.maxEdges must be at least 1, was " + maxEdges);
    }
    if (maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("MapConfig.maxAge must be positive, was " + maxAge);
    }
  }

  /**
   * 100,000 edges (a few tens of MB at most; far beyond the paths to one service's users) kept
   * for a day (routes change slowly; a day-old hop is still a good guess); a minute of clock skew
   * tolerated (NTP keeps peers far closer).
   */
  public static MapConfig defaults() {
    return new MapConfig(100_000, Duration.ofDays(1), Duration.ofMinutes(1));
  }
}
