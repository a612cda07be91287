package dev.icon.tomography.share;

import dev.icon.gossip.api.ValidationResult;

/**
 * Why a received topology delta was not merged (or an outgoing one not encoded), with the gossip
 * verdict each reason earns: REJECT penalizes the peer that sent it (it is malformed, forged or
 * oversized, never the result of honest clocks or timing), IGNORE drops it without penalty.
 */
public enum TopologyShareError {
  /** More bytes than {@link DeltaLimits#maxBytes()}; not even parsed. */
  OVERSIZED(ValidationResult.REJECT),
  /** Not a protobuf {@code TopologyDelta}, a required field missing, or values out of range. */
  MALFORMED(ValidationResult.REJECT),
  /** A schema version this node does not know (a newer peer): ignored without penalty. */
  UNSUPPORTED_VERSION(ValidationResult.IGNORE),
  /** More nodes or edges than {@link DeltaLimits} allows. */
  TOO_MANY_ENTRIES(ValidationResult.REJECT),
  /** A node id that is not a canonical IP address, prefix or peer id ({@link NodeIds}). */
  BAD_NODE_ID(ValidationResult.REJECT),
  /** The message carries no author (StrictNoSign): nobody vouches for the observer. */
  UNSIGNED(ValidationResult.REJECT),
  /** The delta's observer is not the peer that signed the gossip message. */
  FORGED_OBSERVER(ValidationResult.REJECT),
  /** An edge's observer is not the delta's (a peer speaking for another). */
  FORGED_EDGE_OBSERVER(ValidationResult.REJECT),
  /** Generated or last seen further ahead of our clock than the map's {@code maxFutureSkew}. */
  FUTURE(ValidationResult.REJECT),
  /** Every edge was older than the map's {@code maxAge}: nothing left to merge. */
  STALE(ValidationResult.IGNORE),
  /** No edges at all. */
  EMPTY(ValidationResult.IGNORE),
  /** Our merge queue was full; the delta was dropped (the sender's resend brings it back). */
  OVERLOADED(ValidationResult.IGNORE),
  /** A bug of ours while handling it; the message is rejected and the node goes on. */
  INTERNAL(ValidationResult.REJECT);

  private final ValidationResult verdict;

  TopologyShareError(ValidationResult verdict) {
    this.verdict = verdict;
  }

  /** The gossip verdict a delta failing for this reason gets. */
  public ValidationResult verdict() {
    return verdict;
  }
}
