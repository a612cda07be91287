package dev.icon.market.auction;

import java.time.Duration;
import java.util.Objects;

/**
 * How a market runs: its id and topic, the round timing and the input limits. Immutable; built by
 * {@link #builder()}, whose {@code build()} checks every invariant and names the field at fault.
 *
 * <p>Round n starts at {@code n * period} since the Unix epoch: commits are accepted during
 * {@code [start, start + commitWindow)}, reveals during the following {@code revealWindow}, and
 * the round clears at {@code start + commitWindow + revealWindow}. The rest of the period leaves
 * time for the clearing announcements before the next round.
 *
 * @param marketId the market id signed into every message
 * @param topic the gossip topic
 * @param period round length
 * @param commitWindow commit phase length, from the round start
 * @param revealWindow reveal phase length, right after the commit window
 * @param maxMessageBytes largest encoded market message accepted or sent
 * @param maxOffersPerAuthor offers one author may commit in one round
 * @param maxOffersPerRound offers one round holds in all
 * @param retainedRounds rounds kept (and clearings still checked) behind the current one
 */
public record MarketConfig(String marketId, String topic, Duration period, Duration commitWindow,
    Duration revealWindow, int maxMessageBytes, int maxOffersPerAuthor, int maxOffersPerRound,
    int retainedRounds) {

  /** The market topic of ICON. */
  public static final String DEFAULT_TOPIC = "/icon/market/1";

  /** Checks the invariants, naming the field at fault in an {@link IllegalArgumentException}. */
  public MarketConfig {
    Objects.requireNonNull(marketId, "marketId");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(commitWindow, "commitWindow");
    Objects.requireNonNull(revealWindow, "revealWindow");
    if (marketId.isEmpty() || marketId.length() > 128) {
      throw new IllegalArgumentException("marketId must have 1..128 characters: " + marketId);
    }
    if (topic.isEmpty()) {
      throw new IllegalArgumentException("topic must not be empty");
    }
    positive("period", period);
    positive("commitWindow", commitWindow);
    positive("revealWindow", revealWindow);
    if (commitWindow.plus(revealWindow).compareTo(period) >= 0) {
      throw new IllegalArgumentException("commitWindow + revealWindow must be shorter than period ("
          + commitWindow + " + " + revealWindow + " >= " + period + ")");
    }
    if (maxMessageBytes < 1024) {
      throw new IllegalArgumentException("maxMessageBytes must be >= 1024: " + maxMessageBytes);
    }
    if (maxOffersPerAuthor < 1) {
      throw new IllegalArgumentException("maxOffersPerAuthor must be >= 1: " + maxOffersPerAuthor);
    }
    if (maxOffersPerRound < maxOffersPerAuthor) {
      throw new IllegalArgumentException("maxOffersPerRound must be >= maxOffersPerAuthor: "
          + maxOffersPerRound);
    }
    if (retainedRounds < 1) {
      throw new IllegalArgumentException("retainedRounds must be >= 1: " + retainedRounds);
    }
  }

  private static void positive(String field, Duration d) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(field + " must be positive: " + d);
    }
  }

  /** The defaults (see {@link Builder}). */
  public static MarketConfig defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this config. */
  public Builder toBuilder() {
    return new Builder().marketId(marketId).topic(topic).period(period).commitWindow(commitWindow)
        .revealWindow(revealWindow).maxMessageBytes(maxMessageBytes)
        .maxOffersPerAuthor(maxOffersPerAuthor).maxOffersPerRound(maxOffersPerRound)
        .retainedRounds(retainedRounds);
  }

  /** Builds a {@link MarketConfig}; not thread-safe. */
  public static final class Builder {
    // The topic name doubles as the market id: one market per topic.
    private String marketId = DEFAULT_TOPIC;
    private String topic = DEFAULT_TOPIC;
    // A minute: long enough for gossip to spread each phase over a wide mesh, short for a user.
    private Duration period = Duration.ofSeconds(60);
    // 20 s of commits and 20 s of reveals leave 20 s for clearings to spread.
    private Duration commitWindow = Duration.ofSeconds(20);
    private Duration revealWindow = Duration.ofSeconds(20);
    // Half of gossip's 1 MiB message limit: room for the full result of a large round.
    private int maxMessageBytes = 512 * 1024;
    // A provider or ICON rarely needs more than a few offers per round.
    private int maxOffersPerAuthor = 64;
    // Bounds the memory of a round (10,000 bids and 1,000 asks fit).
    private int maxOffersPerRound = 16_384;
    // Clearings of the last two rounds may still arrive while the next one runs.
    private int retainedRounds = 2;

    private Builder() {}

    /** The market id signed into every message. */
    public Builder marketId(String v) { marketId = v; return this; }

    /** The gossip topic. */
    public Builder topic(String v) { topic = v; return this; }

    /** The round length. */
    public Builder period(Duration v) { period = v; return this; }

    /** The commit phase length. */
    public Builder commitWindow(Duration v) { commitWindow = v; return this; }

    /** The reveal phase length. */
    public Builder revealWindow(Duration v) { revealWindow = v; return this; }

    /** Largest encoded message accepted or sent. */
    public Builder maxMessageBytes(int v) { maxMessageBytes = v; return this; }

    /** Offers one author may commit per round. */
    public Builder maxOffersPerAuthor(int v) { maxOffersPerAuthor = v; return this; }

    /** Offers one round holds. */
    public Builder maxOffersPerRound(int v) { maxOffersPerRound = v; return this; }

    /** Rounds kept behind the current one. */
    public Builder retainedRounds(int v) { retainedRounds = v; return this; }

    /** The config. @throws IllegalArgumentException naming the field at fault */
    public MarketConfig build() {
      return new MarketConfig(marketId, topic, period, commitWindow, revealWindow, maxMessageBytes,
          maxOffersPerAuthor, maxOffersPerRound, retainedRounds);
    }
  }
}
