package dev.icon.market.auction;

import java.time.Duration;
import java.time.Instant;

/**
 * The round timing of a {@link MarketConfig}: round n starts at {@code n * period} since the Unix
 * epoch. Pure arithmetic on instants; immutable and thread-safe.
 */
public final class RoundSchedule {
  private final long periodMillis;
  private final long commitMillis;
  private final long revealMillis;

  /** The schedule of {@code config}. */
  public RoundSchedule(MarketConfig config) {
    this(config.period(), config.commitWindow(), config.revealWindow());
  }

  RoundSchedule(Duration period, Duration commit, Duration reveal) {
    this.periodMillis = period.toMillis();
    this.commitMillis = commit.toMillis();
    this.revealMillis = reveal.toMillis();
  }

  /** The round running at {@code now}. */
  public long roundAt(Instant now) {
    return Math.floorDiv(now.toEpochMilli(), periodMillis);
  }

  /** When round {@code n} starts (and its commit window opens). */
  public Instant start(long n) {
    return Instant.ofEpochMilli(Math.multiplyExact(n, periodMillis));
  }

  /** When round {@code n}'s commit window closes and its reveal window opens. */
  public Instant commitEnd(long n) {
    return start(n).plusMillis(commitMillis);
  }

  /** When round {@code n}'s reveal window closes and it clears. */
  public Instant revealEnd(long n) {
    return commitEnd(n).plusMillis(revealMillis);
  }

  /** The phase of round {@code n} at {@code now}. */
  public RoundPhase phase(long n, Instant now) {
    if (now.isBefore(start(n))) {
      return RoundPhase.NOT_STARTED;
    }
    if (now.isBefore(commitEnd(n))) {
      return RoundPhase.COMMIT;
    }
    if (now.isBefore(revealEnd(n))) {
      return RoundPhase.REVEAL;
    }
    return RoundPhase.CLEARING;
  }
}
