package dev.icon.gossip.router;

import java.time.Duration;
import java.util.function.LongSupplier;

/** A monotonic nanosecond clock that moves only when a test advances it. Not thread-safe. */
final class ManualNanoClock implements LongSupplier {

  // Start far from zero (and near overflow when asked) to catch naive comparisons.
  private long now;

  ManualNanoClock() {
    this(1_000_000_000L);
  }

  ManualNanoClock(long start) {
    this.now = start;
  }

  @Override
  public long getAsLong() {
    return now;
  }

  void advance(Duration d) {
    now += d.toNanos();
  }
}
