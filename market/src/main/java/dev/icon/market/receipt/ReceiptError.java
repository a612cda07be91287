package dev.icon.market.receipt;

/** Why a provider refuses a usage receipt. */
public enum ReceiptError {
  /** Larger than {@link ReceiptValidator#MAX_RECEIPT_SIZE}. */
  OVERSIZED,
  /** Unparsable, or a field missing or out of range. */
  MALFORMED,
  /** No agreement with that id is stored (or the stored one does not verify). */
  UNKNOWN_AGREEMENT,
  /** Consumer or provider differ from the agreement's, or the agreement is not ours. */
  WRONG_PEER,
  /** Missing or wrong signature of the agreement's consumer. */
  BAD_SIGNATURE,
  /** Issued further in the future than the allowed clock skew. */
  FROM_FUTURE,
  /** The sequence is not above the last accepted one (a replay or a reordering). */
  STALE_SEQUENCE,
  /** The cumulative amount is below the last accepted one. */
  BACKWARDS,
  /** The cumulative amount exceeds the agreement's maximum. */
  EXCEEDS_AGREEMENT
}
