package dev.icon.gossip.api;

/** A validator's verdict, with the gossipsub v1.1 meanings. */
public enum ValidationResult {
  /** Deliver and forward. */
  ACCEPT,
  /** Invalid: drop it and penalize the peer that sent it (P4). */
  REJECT,
  /** Drop it without penalty (e.g. stale or not interesting to us); it is not forwarded. */
  IGNORE
}
