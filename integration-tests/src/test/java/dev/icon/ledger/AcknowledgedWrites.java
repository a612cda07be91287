package dev.icon.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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
        String receipt = receiptHex(id, amount);
        member.call("receipt " + id + " " + amount + " " + receipt);
        receiptAmounts.put(id, amount);
        receiptBytes.put(id, receipt);
      }
    } catch (LedgerMemberProcess.Refused e) {
      assertThat(e.error()).as(e.getMessage()).isIn("TIMEOUT", "UNAVAILABLE", "STORE_FAILURE");
      unacknowledged.incrementAndGet();
    }
  }

  /**
   * Every acknowledged agreement reads back identically through {@code member}, and so does every
   * acknowledged receipt, unless a later receipt of the same agreement replaced it: one written
   * but never acknowledged because its writer or member died after the commit, before the answer.
   */
  void assertAllPresentOn(LedgerMemberProcess member) {
    agreements.forEach((id, agreement) ->
        assertThat(member.call("get " + id)).as("agreement %s on %s", id, member.id).isEqualTo(agreement));
    receiptAmounts.forEach((id, amount) -> {
      String[] stored = member.call("getreceipt " + id).split(" ");
      long storedAmount = Long.parseLong(stored[0]);
      assertThat(storedAmount).as("receipt of %s on %s", id, member.id).isGreaterThanOrEqualTo(amount);
      assertThat(stored[1]).as("receipt of %s on %s", id, member.id)
          .isEqualTo(storedAmount == amount ? receiptBytes.get(id) : receiptHex(id, storedAmount));
    });
  }

  private static String receiptHex(String id, long amount) {
    return HEX.formatHex(("receipt " + id + " cumulative " + amount).getBytes());
  }

  /** Agreements written so far, acknowledged or not. */
  int attempts() {
    return agreements.size() + unacknowledged.get();
  }

  /** Writes through {@code member} until {@code stop} is set. */
  void writeUntil(LedgerMemberProcess member, String prefix, AtomicBoolean stop) {
    for (int n = 0; !stop.get(); n++) {
      writeAgreementWithReceipts(member, prefix + "-" + n);
    }
  }

  /**
   * Writes through {@code member} one agreement per permit taken from {@code permits}, until
   * {@code stop} is set: the test decides how many writes each phase gets.
   */
  void writeWithPermits(LedgerMemberProcess member, String prefix, Semaphore permits, AtomicBoolean stop) {
    try {
      for (int n = 0; !stop.get(); ) {
        if (permits.tryAcquire(50, TimeUnit.MILLISECONDS)) {
          writeAgreementWithReceipts(member, prefix + "-" + n++);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
