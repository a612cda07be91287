package dev.icon.gossip.core;

import java.time.Duration;
import java.util.function.LongSupplier;

/** A monotonic nanosecond clock that moves only when the test advances it. Not thread-safe. */
final class ManualClock implements LongSupplier {
  // Far from zero so naive "0 means unset" comparisons would show.
  private long now = 5_000_000_000L;

  @Override
  public long getAsLong() {
    return now;
  }

  void advance(Duration d) {
    now += d.toNanos();
  }
}
