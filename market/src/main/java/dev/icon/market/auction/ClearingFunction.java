package dev.icon.market.auction;

/**
 * The mechanism that clears a sealed round: must be a pure, deterministic function of its input
 * (no clock, no randomness, no dependence on the order of equal elements), so every peer that
 * sealed the same round computes the same outcome. Called on whichever thread closes the round;
 * implementations must be thread-safe (stateless ones are).
 */
@FunctionalInterface
public interface ClearingFunction {

  /** The outcome of {@code round}; trade and excluded ids are qualified offer ids. */
  AuctionOutcome clear(SealedRound round);
}
