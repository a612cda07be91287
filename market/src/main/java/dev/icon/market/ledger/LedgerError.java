package dev.icon.market.ledger;

/** Why a {@link Ledger} call was refused or failed. */
public enum LedgerError {
  /** An id, amount or value is malformed, empty, oversized or out of range; nothing stored. */
  INVALID_ARGUMENT,
  /** A different value is already stored under this id; nothing stored. */
  CONFLICT,
  /** A receipt whose cumulative amount is below the stored one; nothing stored. */
  RECEIPT_BACKWARDS,
  /** A receipt for an agreement the ledger does not hold; nothing stored. */
  UNKNOWN_AGREEMENT,
  /** A refund to an account that was never granted a budget; nothing changed. */
  UNKNOWN_ACCOUNT,
  /** The operation did not complete within the operation timeout: its outcome is unknown. */
  TIMEOUT,
  /** The ledger could not start or reach its cluster (no quorum, unreachable members). */
  UNAVAILABLE,
  /** The ledger has been closed. */
  CLOSED,
  /** The store failed in a way not listed above (the cause says how). */
  STORE_FAILURE
}
