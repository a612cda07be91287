package dev.icon.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the ledger acknowledged ({@code OK}) to a test: agreements, the last receipt per agreement
 * and the acknowledged spends of one account; then {@link #assertAllPresentOn} a member.
 * Thread-safe: writers on several threads record into it.
 */
final class AcknowledgedWrites {

  private static final HexFormat HEX = HexFormat.of();

  private final Map<String, String> agreements = new ConcurrentHashMap<>();
  private final Map<String, Long> receiptAmounts = new ConcurrentHashMap<>();
  private final Map<String, String> receiptBytes = new ConcurrentHashMap<>();
  final AtomicInteger unacknowledged = new AtomicInteger();

  int agreements() {
    return agreements.size();
  }

  /**
   * Writes agreement {@code id} and two receipts for it through {@code member}, recording what is
   * acknowledged; a write refused with TIMEOUT or UNAVAILABLE (a failover) is counted, not recorded.
   */
  void writeAgreementWithReceipts(LedgerMemberProcess member, String id) {
    String agreement = HEX.formatHex(("agreement " + id + " signed by both").getBytes());
    try {
      member.call("put " + id + " " + agreement);
      agreements.put(id, agreement);
      for (long amount : new long[] {10, 25}) {
        String receipt = HEX.formatHex(("receipt " + id + " cumulative " + amount).getBytes());
        member.call("receipt " + id + " " + amount + " " + receipt);
        receiptAmounts.put(id, amount);
        receiptBytes.put(id, receipt);
      }
    } catch (LedgerMemberProcess.Refused e) {
      assertThat(e.error()).as(e.getMessage()).isIn("TIMEOUT", "UNAVAILABLE", "STORE_FAILURE");
      unacknowledged.incrementAndGet();
    }
  }

  /** Every acknowledged agreement and receipt reads back identically through {@code member}. */
  void assertAllPresentOn(LedgerMemberProcess member) {
    agreements.forEach((id, agreement) ->
        assertThat(member.call("get " + id)).as("agreement %s on %s", id, member.id).isEqualTo(agreement));
    receiptAmounts.forEach((id, amount) ->
        assertThat(member.call("getreceipt " + id)).as("receipt of %s on %s", id, member.id)
            .isEqualTo(amount + " " + receiptBytes.get(id)));
  }

  /** Writes through {@code member} until {@code stop} is set. */
  void writeUntil(LedgerMemberProcess member, String prefix, AtomicBoolean stop) {
    for (int n = 0; !stop.get(); n++) {
      writeAgreementWithReceipts(member, prefix + "-" + n);
    }
  }
}
