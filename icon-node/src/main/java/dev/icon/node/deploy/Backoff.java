package dev.icon.node.deploy;

import java.time.Duration;

/** The sender's waits between attempts: doubling from the initial backoff, capped. Stateless. */
final class Backoff {

  private Backoff() {}

  /** The wait before attempt {@code next} (2 for the first retry). */
  static Duration before(int next, DeployConfig config) {
    if (next < 2) {
      return Duration.ZERO;
    }
    int doublings = Math.min(next - 2, 30);
    long millis = config.initialBackoff().toMillis() << doublings;
    return millis >= config.maxBackoff().toMillis() || millis < 0
        ? config.maxBackoff() : Duration.ofMillis(millis);
  }
}
