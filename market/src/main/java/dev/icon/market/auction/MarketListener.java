package dev.icon.market.auction;

/**
 * Receives what a {@link MarketParticipant} sees. Called on the gossip router thread (for received
 * messages) or the thread calling {@link MarketParticipant#tick()}, while the participant's lock is
 * held: return quickly, never block, and do not call back into the participant (hand work to an
 * executor of your own). An exception thrown here is logged and otherwise ignored.
 */
public interface MarketListener {

  /** A message refused: malformed, forged, replayed, out of its window, duplicate, ... */
  default void onRejected(MarketRejection rejection) {}

  /** A committed offer left out of its round (no reveal, mismatching reveal, conflicting ids). */
  default void onExcluded(OfferExclusion exclusion) {}

  /** A round cleared here. */
  default void onCleared(RoundClearing clearing) {}

  /** One trade of a round cleared here, with both parties. */
  default void onMatched(MatchedPair pair) {}

  /** Another peer's clearing announcement, compared with ours. */
  default void onClearingChecked(ClearingCheck check) {}
}
