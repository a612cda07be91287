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
 */
record LoadStep(String impl, String topology, double offeredRate, int count, int published,
    int failed, double seconds, List<JsonNode> summaries) {

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
