package dev.icon.market.auction;

/** Where a round stands at an instant. */
public enum RoundPhase {
  /** Before the round's start. */
  NOT_STARTED,
  /** Commits accepted. */
  COMMIT,
  /** Reveals accepted. */
  REVEAL,
  /** The revealed set is final: the round can be (or has been) cleared. */
  CLEARING
}
