package dev.icon.market.ledger;

import java.util.Arrays;
import java.util.Objects;

/**
 * The latest usage receipt recorded for one agreement: its cumulative amount and the signed
 * receipt bytes. Immutable: the bytes are copied in and out.
 */
public final class LedgerReceipt {

  private final String agreementId;
  private final long cumulativeAmount;
  private final byte[] signedReceipt;

  /** Creates a receipt record; copies {@code signedReceipt}. */
  public LedgerReceipt(String agreementId, long cumulativeAmount, byte[] signedReceipt) {
    this.agreementId = Objects.requireNonNull(agreementId, "agreementId");
    this.cumulativeAmount = cumulativeAmount;
    this.signedReceipt = Objects.requireNonNull(signedReceipt, "signedReceipt").clone();
  }

  /** The agreement this receipt pays for. */
  public String agreementId() {
    return agreementId;
  }

  /** The cumulative amount the receipt acknowledges (never decreases per agreement). */
  public long cumulativeAmount() {
    return cumulativeAmount;
  }

  /** A copy of the signed receipt bytes. */
  public byte[] signedReceipt() {
    return signedReceipt.clone();
  }

  /** Whether this record holds exactly {@code amount} and {@code bytes}. */
  boolean sameAs(long amount, byte[] bytes) {
    return cumulativeAmount == amount && Arrays.equals(signedReceipt, bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LedgerReceipt r
        && agreementId.equals(r.agreementId)
        && cumulativeAmount == r.cumulativeAmount
        && Arrays.equals(signedReceipt, r.signedReceipt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(agreementId, cumulativeAmount) * 31 + Arrays.hashCode(signedReceipt);
  }

  @Override
  public String toString() {
    return "LedgerReceipt[" + agreementId + ", cumulative=" + cumulativeAmount
        + ", " + signedReceipt.length + " bytes]";
  }
}
