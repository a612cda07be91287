package dev.icon.market.receipt;

import dev.icon.market.negotiate.AgreementId;
import java.util.Optional;

/**
 * The last accepted receipt per agreement, which later receipts are checked against: the seam to
 * the ledger ({@link MemoryReceiptBook} in memory; a replicated one lets several provider nodes
 * share it). Thread-safe.
 */
public interface ReceiptBook {

  /** The last accepted receipt of one agreement. */
  record Entry(long sequence, long cumulativeMicros, byte[] receipt) {}

  /** The last accepted receipt of {@code id}, or empty before the first. */
  Optional<Entry> last(AgreementId id);

  /**
   * Records {@code next} as the last receipt of {@code id} only if the last one is still {@code
   * expected} (compared by sequence; null: none yet). False when another receipt got in first:
   * the caller re-reads and re-checks.
   */
  boolean compareAndSet(AgreementId id, Entry expected, Entry next);
}
