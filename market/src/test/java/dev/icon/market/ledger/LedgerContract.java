package dev.icon.market.ledger;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rules every {@link Ledger} keeps; an implementation's test extends this and supplies
 * {@link #ledger()}.
 */
abstract class LedgerContract {

  private static final AtomicInteger TESTS = new AtomicInteger();
  private String prefix;

  /**
   * The ledger under test. It may be shared by the methods of a test class (a real member takes
   * seconds to start), so every test uses keys of its own: {@link #id}.
   */
  abstract Ledger ledger();

  @BeforeEach
  void freshKeys() {
    prefix = "t" + TESTS.incrementAndGet() + "-";
  }

  /** {@code name} made unique to the running test. */
  String id(String name) {
    return prefix + name;
  }

  static byte[] bytes(String s) {
    return s.getBytes(UTF_8);
  }

  @Test
  void agreementIsStoredOnceAndIdempotent() {
    assertThat(ledger().putAgreement(id("a1"), bytes("signed-1"))).isTrue();
    assertThat(ledger().putAgreement(id("a1"), bytes("signed-1"))).isFalse();
    assertThat(ledger().agreement(id("a1"))).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("signed-1")));
    assertThat(ledger().agreement(id("nope"))).isEmpty();
  }

  @Test
  void differentAgreementUnderSameIdIsAConflictAndChangesNothing() {
    ledger().putAgreement(id("a1"), bytes("signed-1"));
    assertThatThrownBy(() -> ledger().putAgreement(id("a1"), bytes("forged")))
        .isInstanceOfSatisfying(LedgerException.class, e -> assertThat(e.error()).isEqualTo(LedgerError.CONFLICT))
        .hasMessageContaining("a1");
    assertThat(ledger().agreement(id("a1"))).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("signed-1")));
  }

  @Test
  void returnedAgreementBytesAreACopy() {
    byte[] value = bytes("signed-1");
    ledger().putAgreement(id("a1"), value);
    value[0] = 'X';
    ledger().agreement(id("a1")).orElseThrow()[1] = 'Y';
    assertThat(ledger().agreement(id("a1"))).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("signed-1")));
  }

  @Test
  void receiptsAreCumulativeAndNeverGoBackwards() {
    ledger().putAgreement(id("a1"), bytes("agreement"));
    assertThat(ledger().recordReceipt(id("a1"), 10, bytes("r10")).cumulativeAmount()).isEqualTo(10);
    assertThat(ledger().recordReceipt(id("a1"), 25, bytes("r25")).cumulativeAmount()).isEqualTo(25);
    assertThatThrownBy(() -> ledger().recordReceipt(id("a1"), 24, bytes("r24")))
        .isInstanceOfSatisfying(LedgerException.class,
            e -> assertThat(e.error()).isEqualTo(LedgerError.RECEIPT_BACKWARDS))
        .hasMessageContaining("25");
    assertThat(ledger().recordReceipt(id("a1"), 25, bytes("r25"))).isEqualTo(new LedgerReceipt(id("a1"), 25, bytes("r25")));
    assertThatThrownBy(() -> ledger().recordReceipt(id("a1"), 25, bytes("other")))
        .isInstanceOfSatisfying(LedgerException.class, e -> assertThat(e.error()).isEqualTo(LedgerError.CONFLICT));
    assertThat(ledger().receipt(id("a1"))).contains(new LedgerReceipt(id("a1"), 25, bytes("r25")));
  }

  @Test
  void compareAndSetReceiptReplacesOnlyTheExpectedReceipt() {
    String a = id("a1");
    ledger().putAgreement(a, bytes("agreement"));
    assertThat(ledger().compareAndSetReceipt(a, bytes("r0"), 5, bytes("r5"))).isFalse(); // none yet
    assertThat(ledger().compareAndSetReceipt(a, null, 5, bytes("r5"))).isTrue();
    assertThat(ledger().compareAndSetReceipt(a, null, 6, bytes("r6"))).isFalse(); // one exists now
    assertThat(ledger().compareAndSetReceipt(a, bytes("stale"), 9, bytes("r9"))).isFalse();
    assertThat(ledger().compareAndSetReceipt(a, bytes("r5"), 5, bytes("r5-seq2"))).isTrue(); // same amount, next receipt
    assertThatThrownBy(() -> ledger().compareAndSetReceipt(a, bytes("r5-seq2"), 4, bytes("r4")))
        .isInstanceOfSatisfying(LedgerException.class,
            e -> assertThat(e.error()).isEqualTo(LedgerError.RECEIPT_BACKWARDS));
    assertThat(ledger().compareAndSetReceipt(a, bytes("r5-seq2"), 12, bytes("r12"))).isTrue();
    assertThat(ledger().receipt(a)).contains(new LedgerReceipt(a, 12, bytes("r12")));
    assertThatThrownBy(() -> ledger().compareAndSetReceipt(id("ghost"), null, 1, bytes("r")))
        .isInstanceOfSatisfying(LedgerException.class,
            e -> assertThat(e.error()).isEqualTo(LedgerError.UNKNOWN_AGREEMENT));
  }

  @Test
  void concurrentCompareAndSetReceiptsLetExactlyOneWinnerPerStep() throws Exception {
    String a = id("race");
    ledger().putAgreement(a, bytes("agreement"));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> wins = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        wins.add(pool.submit(() -> {
          int won = 0;
          for (int step = 0; step < 25; step++) {
            var last = ledger().receipt(a);
            long amount = last.map(LedgerReceipt::cumulativeAmount).orElse(0L) + 1;
            byte[] expected = last.map(LedgerReceipt::signedReceipt).orElse(null);
            if (ledger().compareAndSetReceipt(a, expected, amount, bytes("r" + amount + "-t" + thread))) {
              won++;
            }
          }
          return won;
        }));
      }
      int total = 0;
      for (Future<Integer> f : wins) {
        total += f.get(2, TimeUnit.MINUTES);
      }
      // each win moved the amount up by exactly one from the receipt it expected
      assertThat(ledger().receipt(a).orElseThrow().cumulativeAmount()).isEqualTo(total);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void receiptForUnknownAgreementIsRefused() {
    assertThatThrownBy(() -> ledger().recordReceipt(id("ghost"), 1, bytes("r")))
        .isInstanceOfSatisfying(LedgerException.class,
            e -> assertThat(e.error()).isEqualTo(LedgerError.UNKNOWN_AGREEMENT));
    assertThat(ledger().receipt(id("ghost"))).isEmpty();
  }

  @Test
  void budgetsAreGrantedSpentAndRefunded() {
    assertThat(ledger().budget(id("icon-1"))).isZero();
    assertThat(ledger().spend(id("icon-1"), 1)).isFalse();
    assertThat(ledger().grant(id("icon-1"), 100)).isEqualTo(100);
    assertThat(ledger().grant(id("icon-1"), 50)).isEqualTo(150);
    assertThat(ledger().spend(id("icon-1"), 120)).isTrue();
    assertThat(ledger().spend(id("icon-1"), 31)).isFalse();
    assertThat(ledger().spend(id("icon-1"), 30)).isTrue();
    assertThat(ledger().budget(id("icon-1"))).isZero();
    assertThat(ledger().refund(id("icon-1"), 7)).isEqualTo(7);
    assertThatThrownBy(() -> ledger().refund(id("never"), 7))
        .isInstanceOfSatisfying(LedgerException.class, e -> assertThat(e.error()).isEqualTo(LedgerError.UNKNOWN_ACCOUNT));
  }

  @Test
  void badArgumentsAreRefusedWithTheirNameAndNothingIsStored() {
    assertInvalid(() -> ledger().putAgreement("", bytes("x")), "agreementId");
    assertInvalid(() -> ledger().putAgreement(null, bytes("x")), "agreementId");
    assertInvalid(() -> ledger().putAgreement(id("a1"), null), "signedAgreement");
    assertInvalid(() -> ledger().putAgreement("a".repeat(Ledger.MAX_ID_LENGTH + 1), bytes("x")), "agreementId");
    assertInvalid(() -> ledger().putAgreement(id("a1"), new byte[0]), "signedAgreement");
    assertInvalid(() -> ledger().putAgreement(id("a1"), new byte[Ledger.MAX_RECORD_BYTES + 1]), "signedAgreement");
    assertInvalid(() -> ledger().grant(id("acct"), 0), "amount");
    assertInvalid(() -> ledger().spend(id("acct"), -5), "amount");
    assertInvalid(() -> ledger().recordReceipt(id("a1"), -1, bytes("r")), "cumulativeAmount");
    assertThat(ledger().agreement(id("a1"))).isEmpty();
    assertThat(ledger().budget(id("acct"))).isZero();
    ledger().grant(id("acct"), Long.MAX_VALUE - 1);
    assertInvalid(() -> ledger().grant(id("acct"), 2), "overflow");
    assertThat(ledger().budget(id("acct"))).isEqualTo(Long.MAX_VALUE - 1);
  }

  @Test
  void concurrentSpendsNeverOverspend() throws Exception {
    long granted = 1_000;
    ledger().grant(id("shared"), granted);
    int threads = 8;
    int spendsPerThread = 40;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Long>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        long amount = 3 + t; // 8 threads x 40 spends of 3..10 ask for ~2,100, twice the grant
        Callable<Long> spender = () -> {
          long spent = 0;
          for (int i = 0; i < spendsPerThread; i++) {
            if (ledger().spend(id("shared"), amount)) {
              spent += amount;
            }
          }
          return spent;
        };
        results.add(pool.submit(spender));
      }
      long spent = 0;
      for (Future<Long> f : results) {
        spent += f.get(2, TimeUnit.MINUTES);
      }
      long left = ledger().budget(id("shared"));
      assertThat(left).isNotNegative();
      assertThat(spent + left).isEqualTo(granted);
      assertThat(left).isLessThan(3); // contention ends only when no spender fits any more
    } finally {
      pool.shutdownNow();
    }
  }

  private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String mention) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(LedgerException.class,
            e -> assertThat(e.error()).isEqualTo(LedgerError.INVALID_ARGUMENT))
        .hasMessageContaining(mention);
  }
}
