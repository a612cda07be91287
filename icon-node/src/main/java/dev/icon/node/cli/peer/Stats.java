package dev.icon.node.cli.peer;

import java.util.Arrays;

/** Order statistics for benchmark summaries, computed the same way as the js interop peer. */
final class Stats {

  private Stats() {}

  /** The median (mean of the two middle values for an even count); 0 for no values. */
  static double median(double[] values) {
    if (values.length == 0) {
      return 0;
    }
    double[] v = values.clone();
    Arrays.sort(v);
    int mid = v.length / 2;
    return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  }

  /** The nearest-rank percentile {@code p} (0-100); 0 for no values. */
  static double percentile(double[] values, double p) {
    if (values.length == 0) {
      return 0;
    }
    double[] v = values.clone();
    Arrays.sort(v);
    int rank = (int) Math.ceil(p / 100 * v.length);
    return v[Math.max(0, Math.min(v.length - 1, rank - 1))];
  }
}
