package dev.icon.node.ingress;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The demand of one client prefix over the window of a {@link DemandSnapshot}. Immutable.
 *
 * @param prefix the client prefix
 * @param requestsInWindow requests seen within the window
 * @param requestsPerSecond {@code requestsInWindow} divided by the window's length in seconds
 * @param totalRequests requests seen since the prefix was first recorded (or re-recorded after
 *     its eviction)
 * @param lastSeen when its latest request arrived
 * @param rtt RTT statistics of the samples within the window, empty when there were none
 */
public record PrefixDemand(
    ClientPrefix prefix,
    long requestsInWindow,
    double requestsPerSecond,
    long totalRequests,
    Instant lastSeen,
    Optional<RttStats> rtt) {

  /** Checks for nulls. */
  public PrefixDemand {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(lastSeen, "lastSeen");
    Objects.requireNonNull(rtt, "rtt");
  }

  /**
   * RTT statistics over a window.
   *
   * @param samples how many samples (one per request that had an RTT)
   * @param kernelSamples how many of them came from the kernel ({@link RttOrigin#KERNEL})
   * @param min the smallest
   * @param mean the arithmetic mean
   * @param p95 the 95th percentile (nearest rank)
   */
  public record RttStats(int samples, int kernelSamples, Duration min, Duration mean,
      Duration p95) {}
}
