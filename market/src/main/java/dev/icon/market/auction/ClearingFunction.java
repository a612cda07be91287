package dev.icon.market.auction;

import dev.icon.market.clearing.ClearingResult;

/**
 * The mechanism that clears a sealed round: must be a pure, deterministic function of its input
 * (no clock, no randomness, no dependence on the order of equal elements), so every peer that
 * sealed the same round computes the same result. {@link DoubleAuctionClearing} is the market's;
 * tests plug in others. Called on whichever thread closes the round; implementations must be
 * thread-safe (stateless ones are).
 */
@FunctionalInterface
public interface ClearingFunction {

  /**
   * The result of {@code round}: trade ids are qualified offer ids; {@code excluded} should list
   * the round's exclusions ({@link SealedRound#exclusions()}) besides any the mechanism makes.
   */
  ClearingResult clear(SealedRound round);
}
