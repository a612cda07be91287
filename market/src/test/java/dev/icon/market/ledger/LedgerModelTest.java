package dev.icon.market.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random sequences of ledger calls (200 seeds x 400 calls) against a plain model: every
 * outcome, refusal reason and read matches the model, budgets never go negative and receipts
 * never go backwards. A failing seed replays exactly.
 */
class LedgerModelTest {

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 200);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void ledgerBehavesLikeItsModel(long seed) {
    Random random = new Random(seed);
    Map<String, byte[]> agreements = new HashMap<>();
    Map<String, Long> receiptAmounts = new HashMap<>();
    Map<String, Long> budgets = new HashMap<>();
    try (InMemoryLedger ledger = new InMemoryLedger()) {
      for (int step = 0; step < 400; step++) {
        String id = "a" + random.nextInt(6);
        String account = "acct" + random.nextInt(4);
        long amount = 1 + random.nextInt(50);
        byte[] value = ("v" + random.nextInt(3)).getBytes();
        LedgerError expected = null;
        LedgerError actual = null;
        switch (random.nextInt(6)) {
          case 0 -> {
            byte[] present = agreements.get(id);
            expected = present == null || Arrays.equals(present, value) ? null : LedgerError.CONFLICT;
            try {
              assertThat(ledger.putAgreement(id, value)).isEqualTo(present == null);
              agreements.putIfAbsent(id, value);
            } catch (LedgerException e) {
              actual = e.error();
            }
          }
          case 1 -> {
            long cumulative = random.nextInt(200);
            Long current = receiptAmounts.get(id);
            byte[] receipt = ("r" + cumulative).getBytes();
            expected = !agreements.containsKey(id) ? LedgerError.UNKNOWN_AGREEMENT
                : current != null && cumulative < current ? LedgerError.RECEIPT_BACKWARDS : null;
            try {
              assertThat(ledger.recordReceipt(id, cumulative, receipt).cumulativeAmount()).isEqualTo(cumulative);
              receiptAmounts.put(id, cumulative);
            } catch (LedgerException e) {
              actual = e.error();
            }
          }
          case 2 -> {
            long balance = budgets.getOrDefault(account, 0L);
            boolean spent = ledger.spend(account, amount);
            assertThat(spent).as("seed %d step %d spend", seed, step).isEqualTo(balance >= amount && budgets.containsKey(account));
            if (spent) {
              budgets.put(account, balance - amount);
            }
          }
          case 3 -> assertThat(ledger.grant(account, amount)).isEqualTo(budgets.merge(account, amount, Long::sum));
          case 4 -> {
            expected = budgets.containsKey(account) ? null : LedgerError.UNKNOWN_ACCOUNT;
            try {
              assertThat(ledger.refund(account, amount)).isEqualTo(budgets.merge(account, amount, Long::sum));
            } catch (LedgerException e) {
              actual = e.error();
            }
          }
          default -> {
            assertThat(ledger.budget(account)).isEqualTo(budgets.getOrDefault(account, 0L)).isNotNegative();
            assertThat(ledger.agreement(id).orElse(null)).isEqualTo(agreements.get(id));
            assertThat(ledger.receipt(id).map(LedgerReceipt::cumulativeAmount).orElse(null))
                .isEqualTo(receiptAmounts.get(id));
          }
        }
        assertThat(actual).as("seed %d step %d refusal", seed, step).isEqualTo(expected);
      }
    }
  }
}
