package dev.icon.tomography.map;

import java.util.Objects;

/**
 * An estimated RTT and what it rests on.
 *
 * @param millis the estimate in milliseconds (a mean)
 * @param basis a fresh direct measurement, or a path composed of edges
 * @param to the node the estimate reaches: the client itself, or its client prefix
 */
public record RttEstimate(double millis, Basis basis, String to) {

  /** What an estimate rests on. */
  public enum Basis {
    /** A fresh edge measured directly between the two nodes (a probe). */
    DIRECT,
    /** The cheapest path through the map's edges (shared hops). */
    COMPOSED
  }

  public RttEstimate {
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(to, "to");
    if (!(millis >= 0) || Double.isInfinite(millis)) {
      throw new IllegalArgumentException("an estimate must be finite and >= 0, was " + millis);
    }
  }
}
