package dev.icon.market.receipt;

import dev.icon.market.negotiate.AgreementId;

/**
 * What {@link ReceiptValidator#validate} decided. Accepted: {@link #error()} is null and {@link
 * #increaseMicros()} is what the receipt adds to the amount owed. Rejected: {@link #error()} and
 * {@link #detail()} say why; nothing was recorded.
 *
 * @param agreement the agreement named, when the receipt parsed far enough (else null)
 */
public record ReceiptVerdict(ReceiptError error, String detail, AgreementId agreement,
    long cumulativeMicros, long increaseMicros) {

  static ReceiptVerdict accepted(AgreementId id, long cumulative, long increase) {
    return new ReceiptVerdict(null, "accepted", id, cumulative, increase);
  }

  static ReceiptVerdict rejected(ReceiptError error, String detail, AgreementId id) {
    return new ReceiptVerdict(error, detail, id, 0, 0);
  }

  /** True when the receipt was accepted and recorded. */
  public boolean isAccepted() {
    return error == null;
  }
}
