package dev.icon.tomography.probe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket on an injected clock: holds up to {@code capacity} tokens, refilled at {@code
 * ratePerSecond}, starting full. Not thread-safe (its owner locks).
 */
final class TokenBucket {

  private final double capacity;
  private final double ratePerSecond;
  private final Clock clock;
  private double tokens;
  private Instant last;

  TokenBucket(double capacity, double ratePerSecond, Clock clock) {
    this.capacity = capacity;
    this.ratePerSecond = ratePerSecond;
    this.clock = clock;
    this.tokens = capacity;
    this.last = clock.instant();
  }

  /** Whether {@code n} tokens are there now. */
  boolean has(int n) {
    refill();
    return tokens >= n;
  }

  /** Takes {@code n} tokens; call only after {@link #has} said yes under the same lock. */
  void take(int n) {
    tokens -= n;
  }

  /** Whether the bucket is full (nothing to remember about its owner). */
  boolean full() {
    refill();
    return tokens >= capacity;
  }

  /** Tokens there now (for tests and logs). */
  double tokens() {
    refill();
    return tokens;
  }

  private void refill() {
    Instant now = clock.instant();
    if (now.isAfter(last)) {
      double seconds = Duration.between(last, now).toNanos() / 1e9;
      tokens = Math.min(capacity, tokens + seconds * ratePerSecond);
      last = now;
    }
  }
}
