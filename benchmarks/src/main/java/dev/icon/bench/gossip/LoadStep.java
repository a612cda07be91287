package dev.icon.bench.gossip;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of one load step: one publisher sending {@code count} 1 KiB messages at {@code
 * offeredRate} through a network of peers of one implementation, and every receiver's {@code
 * load-summary}.
 *
 * @param impl implementation label ("java", "js")
 * @param topology topology label ("chain3", "mesh20")
 * @param offeredRate messages per second asked of the publisher
 * @param count messages the publisher was asked to send
 * @param published {@code load-published.count}
 * @param failed {@code load-published.failed} (publishes refused)
 * @param seconds {@code load-published.seconds}: first to last send
 * @param summaries every receiver's {@code load-summary}
 * @param cpuSeconds CPU time all peers of the step used from {@code load-start} to the end of
 *     the drain
 * @param receiverCpuSeconds the part of {@code cpuSeconds} the receivers used (the rest is the
 *     publisher's, a fresh process that may still be compiling)
 * @param wallSeconds the wall-clock time of that same window
 */
record LoadStep(String impl, String topology, double offeredRate, int count, int published,
    int failed, double seconds, List<JsonNode> summaries, double cpuSeconds,
    double receiverCpuSeconds, double wallSeconds) {

  /** The receivers' CPU time per published message, in microseconds. */
  double receiverCpuMicrosPerMessage() {
    return published > 0 ? 1e6 * receiverCpuSeconds / published : Double.NaN;
  }

  /** Network-wide CPU time per published message, in microseconds. */
  double cpuMicrosPerMessage() {
    return published > 0 ? 1e6 * cpuSeconds / published : Double.NaN;
  }

  /** Cores the peers kept busy on average over the window (this machine has 2). */
  double coresBusy() {
    return wallSeconds > 0 ? cpuSeconds / wallSeconds : Double.NaN;
  }

  /** Messages per second the publisher actually sent. */
  double achievedRate() {
    return seconds > 0 ? published / seconds : 0;
  }

  /** The worst receiver's share of the published messages it saw (unique), 0..1. */
  double delivered() {
    if (published == 0 || summaries.isEmpty()) {
      return 0;
    }
    double worst = 1;
    for (JsonNode s : summaries) {
      worst = Math.min(worst, s.path("unique").asDouble() / published);
    }
    return worst;
  }

  /** Whether every receiver saw every message and the publisher sent all it was asked to. */
  boolean complete() {
    return failed == 0 && published == count && delivered() >= 1.0;
  }

  /**
   * Whether the network sustained the offered rate: {@link #complete() 100% delivery}, the
   * publisher sent at least {@link #MIN_PACE} of the offered rate, and the worst receiver's p99
   * latency stayed within {@code maxP99Ms} (a backlog growing over the step shows as p99 rising
   * with the step's length: 100% delivered but falling behind does not count as sustained).
   */
  boolean sustains(double maxP99Ms) {
    return complete() && achievedRate() >= MIN_PACE * offeredRate && p99() <= maxP99Ms;
  }

  /** The share of the offered rate a publisher must achieve for the step to count. */
  static final double MIN_PACE = 0.95;

  /** The median of the receivers' p50 latencies, in ms. */
  double p50() {
    List<Double> p50s = new ArrayList<>();
    for (JsonNode s : summaries) {
      p50s.add(s.path("lat_ms_p50").asDouble(Double.NaN));
    }
    p50s.sort(null);
    return p50s.isEmpty() ? Double.NaN : p50s.get(p50s.size() / 2);
  }

  /** The worst receiver's p99 latency, in ms. */
  double p99() {
    return worst("lat_ms_p99");
  }

  /** The worst receiver's maximum latency, in ms. */
  double max() {
    return worst("lat_ms_max");
  }

  private double worst(String field) {
    double worst = Double.NaN;
    for (JsonNode s : summaries) {
      double v = s.path(field).asDouble(Double.NaN);
      worst = Double.isNaN(worst) || v > worst ? v : worst;
    }
    return worst;
  }
}
