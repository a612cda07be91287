package dev.icon.gossip.score;

/**
 * Why the router refused a message, as reported to {@link PeerScore#rejectMessage}. The reason
 * decides who pays with P4 (invalid message deliveries).
 */
public enum RejectReason {
  /** The application validator rejected it: the sender and every peer that delivered it pay. */
  VALIDATION_FAILED,
  /** The validator ignored it: nobody pays and later duplicates are not counted either. */
  VALIDATION_IGNORED,
  /** Bad signature: only the sender pays (the message id may be forged, so no record is kept). */
  INVALID_SIGNATURE,
  /** Signature required but absent: only the sender pays. */
  MISSING_SIGNATURE,
  /** Signature present where the policy forbids one: only the sender pays. */
  UNEXPECTED_SIGNATURE,
  /** A message claiming to come from us, relayed by someone else: only the sender pays. */
  SELF_ORIGIN,
  /** The source or sender is blacklisted locally: not a scoring matter, nobody pays. */
  BLACKLISTED,
  /** Validation was throttled by local load: not the peer's fault, nobody pays. */
  THROTTLED;

  /** True when only the immediate sender is penalized and no delivery record is touched. */
  boolean penalizesSenderOnly() {
    return this == INVALID_SIGNATURE || this == MISSING_SIGNATURE
        || this == UNEXPECTED_SIGNATURE || this == SELF_ORIGIN;
  }
}
