package dev.icon.market.auction;

import dev.icon.gossip.api.ValidationResult;

/**
 * Why a market message or offer was refused. Each error names the gossip verdict it earns:
 * {@link ValidationResult#REJECT} (the sender is penalized by peer scoring: the message is
 * malformed, forged, or provably wrong) or {@link ValidationResult#IGNORE} (dropped without
 * penalty: it may be an honest peer's late, early or out-of-order message). Nothing here is a
 * reason to take the node down.
 */
public enum MarketError {
  /** Larger than the configured message limit. */
  OVERSIZED(ValidationResult.REJECT),
  /** Not decodable, a required field missing or out of range. */
  MALFORMED(ValidationResult.REJECT),
  /** A schema version this peer does not speak. */
  UNSUPPORTED_VERSION(ValidationResult.IGNORE),
  /** The signature does not verify under the enclosed key. */
  BAD_SIGNATURE(ValidationResult.REJECT),
  /** The key, the named author and the gossip author are not the same peer. */
  AUTHOR_MISMATCH(ValidationResult.REJECT),
  /** For another market id. */
  WRONG_MARKET(ValidationResult.REJECT),
  /** For a round other than the one whose window is open (or no longer tracked). */
  WRONG_ROUND(ValidationResult.IGNORE),
  /** A commit after its round's commit window. */
  COMMIT_LATE(ValidationResult.IGNORE),
  /** A reveal before its round's reveal window. */
  REVEAL_EARLY(ValidationResult.IGNORE),
  /** A reveal after its round's reveal window. */
  REVEAL_LATE(ValidationResult.IGNORE),
  /** A second commit under an id the author already used this round, with another digest. */
  DUPLICATE_ID(ValidationResult.REJECT),
  /** The same commit or reveal again (harmless repeat). */
  DUPLICATE(ValidationResult.IGNORE),
  /** More offers than the per-author or per-round limit. */
  TOO_MANY_OFFERS(ValidationResult.IGNORE),
  /** A reveal with no commit of that author and id in its round. */
  REVEAL_WITHOUT_COMMIT(ValidationResult.IGNORE),
  /** A reveal whose digest, or offer id, differs from its commit. */
  REVEAL_MISMATCH(ValidationResult.REJECT),
  /** A clearing announcement before the round's reveal window closed. */
  CLEARING_EARLY(ValidationResult.IGNORE),
  /** A clearing computed from another input set than ours (it may have missed messages). */
  CLEARING_INPUTS_DIFFER(ValidationResult.IGNORE),
  /** A clearing that differs from ours over the same inputs, or two different ones by one peer. */
  WRONG_CLEARING(ValidationResult.REJECT),
  /** A message kind this topic does not carry (e.g. a provider announcement). */
  UNEXPECTED_KIND(ValidationResult.IGNORE);

  private final ValidationResult verdict;

  MarketError(ValidationResult verdict) {
    this.verdict = verdict;
  }

  /** The gossip verdict for a message refused with this error. */
  public ValidationResult verdict() {
    return verdict;
  }
}
