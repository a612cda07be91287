package dev.icon.market.store;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.icon.market.ledger.Ledger;
import dev.icon.market.ledger.LedgerError;
import dev.icon.market.ledger.LedgerException;
import dev.icon.market.ledger.LedgerReceipt;
import dev.icon.market.negotiate.AgreementId;
import dev.icon.market.receipt.ReceiptBook;
import dev.icon.proto.icon.negotiate.ReceiptBody;
import dev.icon.proto.icon.negotiate.UsageReceipt;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link ReceiptBook} on a {@link Ledger}: the last accepted receipt of an agreement is the
 * ledger's latest receipt under the agreement's hex id, with its cumulative amount alongside; the
 * sequence is read back from the stored, signed {@link UsageReceipt} bytes (an entry's {@code
 * receipt} must be those bytes). {@link #compareAndSet} is the ledger's {@link
 * Ledger#compareAndSetReceipt}, which compares the whole stored receipt (so also its sequence)
 * and never lets the amount go backwards; a receipt that lost a race or would go backwards is
 * {@code false}: the validator re-reads and refuses it.
 *
 * <p>The agreement must be in the same ledger (via {@link LedgerAgreementStore}): the ledger
 * refuses receipts of unknown agreements ({@link LedgerError#UNKNOWN_AGREEMENT}, thrown). Other
 * ledger failures are thrown too. Thread-safe as the ledger is.
 */
public final class LedgerReceiptBook implements ReceiptBook {

  private final Ledger ledger;

  /** A book writing to {@code ledger} (not closed by this book). */
  public LedgerReceiptBook(Ledger ledger) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
  }

  @Override
  public Optional<Entry> last(AgreementId id) {
    return ledger.receipt(id.toString()).map(LedgerReceiptBook::entry);
  }

  @Override
  public boolean compareAndSet(AgreementId id, Entry expected, Entry next) {
    Objects.requireNonNull(next, "next");
    if (sequence(next.receipt()) != next.sequence()) {
      throw new IllegalArgumentException("entry sequence " + next.sequence()
          + " is not its receipt's");
    }
    try {
      return ledger.compareAndSetReceipt(id.toString(),
          expected == null ? null : expected.receipt(), next.cumulativeMicros(), next.receipt());
    } catch (LedgerException e) {
      if (e.error() == LedgerError.RECEIPT_BACKWARDS) {
        return false;
      }
      throw e;
    }
  }

  private static Entry entry(LedgerReceipt stored) {
    byte[] bytes = stored.signedReceipt();
    return new Entry(sequence(bytes), stored.cumulativeAmount(), bytes);
  }

  private static long sequence(byte[] receipt) {
    try {
      return ReceiptBody.parseFrom(UsageReceipt.parseFrom(receipt).getBody()).getSequence();
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("not a UsageReceipt: " + e.getMessage(), e);
    }
  }
}
