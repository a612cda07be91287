package dev.icon.node.ingress;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * The sliding-window counters and RTT samples of one prefix. Not thread-safe: {@link
 * DemandRecorder} guards it.
 */
final class PrefixWindow {

  private final long bucketMillis;
  private final long[] bucketIds;
  private final long[] counts;
  private final long[] rttAt;
  private final long[] rttMicros;
  private final boolean[] rttKernel;
  private int rttNext;
  private int rttSize;
  private long total;
  private long lastSeenMillis;

  PrefixWindow(DemandConfig config) {
    this.bucketMillis = config.window().toMillis() / config.buckets();
    this.bucketIds = new long[config.buckets()];
    Arrays.fill(bucketIds, Long.MIN_VALUE);
    this.counts = new long[config.buckets()];
    int n = config.maxRttSamplesPerPrefix();
    this.rttAt = new long[n];
    this.rttMicros = new long[n];
    this.rttKernel = new boolean[n];
  }

  void request(long nowMillis) {
    long id = Math.floorDiv(nowMillis, bucketMillis);
    int slot = (int) Math.floorMod(id, (long) counts.length);
    if (bucketIds[slot] != id) {
      bucketIds[slot] = id;
      counts[slot] = 0;
    }
    counts[slot]++;
    total++;
    lastSeenMillis = Math.max(lastSeenMillis, nowMillis);
  }

  void rtt(long nowMillis, long micros, RttOrigin origin) {
    rttAt[rttNext] = nowMillis;
    rttMicros[rttNext] = micros;
    rttKernel[rttNext] = origin == RttOrigin.KERNEL;
    rttNext = (rttNext + 1) % rttAt.length;
    rttSize = Math.min(rttSize + 1, rttAt.length);
  }

  /** Requests in the buckets that overlap the last {@code buckets} slices ending now. */
  long inWindow(long nowMillis) {
    long current = Math.floorDiv(nowMillis, bucketMillis);
    long sum = 0;
    for (int i = 0; i < counts.length; i++) {
      if (bucketIds[i] > current - counts.length && bucketIds[i] <= current) {
        sum += counts[i];
      }
    }
    return sum;
  }

  long total() {
    return total;
  }

  long lastSeenMillis() {
    return lastSeenMillis;
  }

  Optional<PrefixDemand.RttStats> rttStats(long nowMillis, long windowMillis) {
    long[] values = new long[rttSize];
    int n = 0;
    int kernel = 0;
    for (int i = 0; i < rttSize; i++) {
      if (rttAt[i] > nowMillis - windowMillis && rttAt[i] <= nowMillis) {
        values[n++] = rttMicros[i];
        kernel += rttKernel[i] ? 1 : 0;
      }
    }
    if (n == 0) {
      return Optional.empty();
    }
    long[] sorted = Arrays.copyOf(values, n);
    Arrays.sort(sorted);
    long sum = 0;
    for (long v : sorted) {
      sum += v;
    }
    int rank = (int) Math.ceil(0.95 * n) - 1;
    return Optional.of(new PrefixDemand.RttStats(n, kernel, micros(sorted[0]), micros(sum / n),
        micros(sorted[Math.max(0, rank)])));
  }

  private static Duration micros(long v) {
    return Duration.ofNanos(v * 1000);
  }

  static Instant instant(long millis) {
    return Instant.ofEpochMilli(millis);
  }
}
