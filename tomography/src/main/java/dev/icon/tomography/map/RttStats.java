package dev.icon.tomography.map;

/**
 * Round-trip-time statistics of one edge, in milliseconds.
 *
 * @param count how many samples
 * @param minMillis the smallest sample
 * @param meanMillis the mean of the samples
 * @param maxMillis the largest sample
 */
public record RttStats(long count, double minMillis, double meanMillis, double maxMillis) {

  public RttStats {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, was " + count);
    }
    if (!(minMillis >= 0 && minMillis <= meanMillis && meanMillis <= maxMillis)
        || Double.isInfinite(maxMillis)) {
      throw new IllegalArgumentException("need 0 <= min <= mean <= max < infinity, got "
          + minMillis + " / " + meanMillis + " / " + maxMillis);
    }
  }

  /** Statistics of one sample. */
  public static RttStats of(double millis) {
    return new RttStats(1, millis, millis, millis);
  }

  /** These statistics with one more sample. */
  public RttStats add(double millis) {
    return new RttStats(count + 1, Math.min(minMillis, millis),
        meanMillis + (millis - meanMillis) / (count + 1), Math.max(maxMillis, millis));
  }
}
