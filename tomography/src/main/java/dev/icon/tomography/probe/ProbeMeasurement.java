package dev.icon.tomography.probe;

import dev.icon.tomography.map.RttStats;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What probing one target gave: how many probes went out, and the RTT of each reply.
 *
 * @param target the probed address
 * @param sent probes sent
 * @param samplesMillis the RTT of each reply in milliseconds, in arrival order (duplicates not
 *     counted); its size is the number of replies
 */
public record ProbeMeasurement(InetAddress target, int sent, List<Double> samplesMillis) {

  public ProbeMeasurement {
    Objects.requireNonNull(target, "target");
    samplesMillis = List.copyOf(samplesMillis);
    if (sent < 0) {
      throw new IllegalArgumentException("sent must not be negative, was " + sent);
    }
    if (samplesMillis.size() > sent) {
      throw new IllegalArgumentException(
          samplesMillis.size() + " replies to only " + sent + " probes");
    }
    for (double s : samplesMillis) {
      if (!(s >= 0) || Double.isInfinite(s)) {
        throw new IllegalArgumentException("an RTT sample must be finite and >= 0, was " + s);
      }
    }
  }

  /** Replies received. */
  public int received() {
    return samplesMillis.size();
  }

  /** The statistics of the replies; empty when none came back. */
  public Optional<RttStats> stats() {
    if (samplesMillis.isEmpty()) {
      return Optional.empty();
    }
    double min = Double.MAX_VALUE;
    double max = 0;
    double sum = 0;
    for (double s : samplesMillis) {
      min = Math.min(min, s);
      max = Math.max(max, s);
      sum += s;
    }
    double mean = Math.min(max, Math.max(min, sum / samplesMillis.size()));
    return Optional.of(new RttStats(samplesMillis.size(), min, mean, max));
  }
}
