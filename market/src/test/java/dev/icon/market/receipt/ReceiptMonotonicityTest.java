package dev.icon.market.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.icon.market.negotiate.MemoryAgreementStore;
import dev.icon.market.negotiate.SignedAgreement;
import dev.icon.market.negotiate.TestAgreements;
import dev.icon.market.signing.MarketSignatures;
import dev.icon.market.signing.SigningDomain;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.proto.icon.negotiate.ReceiptBody;
import dev.icon.proto.icon.negotiate.UsageReceipt;
import dev.icon.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * Seeded random streams of receipts, honest and not: the validator accepts exactly those a model
 * of the rules accepts, and the accepted amounts never go backwards or past the maximum.
 */
class ReceiptMonotonicityTest {

  static final PrivateKey ICON = TestAgreements.key(31);
  static final PrivateKey PROVIDER = TestAgreements.key(32);

  static UsageReceipt receipt(SignedAgreement a, long sequence, long amount, long at) {
    ByteString body = ReceiptBody.newBuilder().setVersion(1).setAgreementId(a.id().bytes())
        .setConsumer(a.terms().getConsumer()).setProvider(a.terms().getProvider())
        .setSequence(sequence).setCumulativeMicros(amount).setIssuedAtMillis(at).build()
        .toByteString();
    return UsageReceipt.newBuilder().setBody(body).setSignature(ByteString.copyFrom(
        MarketSignatures.sign(ICON, SigningDomain.RECEIPT, body.toByteArray()))).build();
  }

  @RepeatedTest(50)
  void acceptsExactlyWhatTheRulesAllow(RepetitionInfo info) {
    Random random = new Random(info.getCurrentRepetition());
    MutableClock clock = new MutableClock();
    MemoryAgreementStore store = new MemoryAgreementStore();
    SignedAgreement a = TestAgreements.conclude(ICON, PROVIDER, clock, store, 1_000, 1, 1);
    long max = a.terms().getMaxTotalMicros();
    ReceiptValidator v = new ReceiptValidator(PROVIDER.publicKey().peerId(), store,
        new MemoryReceiptBook(), clock, Duration.ZERO);
    long lastSeq = 0;
    long lastAmount = 0;
    for (int i = 0; i < 60; i++) {
      long seq = Math.max(1, lastSeq + random.nextInt(5) - 2);
      long amount = Math.max(0, lastAmount + random.nextInt(201) - 60);
      ReceiptVerdict verdict = v.validate(receipt(a, seq, amount, clock.millis()));
      boolean expected = seq > lastSeq && amount >= lastAmount && amount <= max;
      assertThat(verdict.isAccepted()).as("seq %d amount %d after %d/%d", seq, amount, lastSeq,
          lastAmount).isEqualTo(expected);
      if (expected) {
        assertThat(verdict.increaseMicros()).isEqualTo(amount - lastAmount);
        lastSeq = seq;
        lastAmount = amount;
      }
      clock.advance(Duration.ofSeconds(1));
    }
  }

  @Test
  void concurrentReceiptsOfOneAgreementNeverMoveBackwards() throws Exception {
    MutableClock clock = new MutableClock();
    MemoryAgreementStore store = new MemoryAgreementStore();
    SignedAgreement a = TestAgreements.conclude(ICON, PROVIDER, clock, store, 1_000_000, 1, 1);
    ReceiptValidator v = new ReceiptValidator(PROVIDER.publicKey().peerId(), store,
        new MemoryReceiptBook(), clock, Duration.ZERO);
    List<UsageReceipt> receipts = new ArrayList<>();
    for (int s = 1; s <= 200; s++) {
      receipts.add(receipt(a, s, s * 10L, clock.millis()));
    }
    java.util.Collections.shuffle(receipts, new Random(5));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<ReceiptVerdict>> verdicts = new ArrayList<>();
    try {
      for (UsageReceipt r : receipts) {
        verdicts.add(pool.submit(() -> v.validate(r)));
      }
      long accepted = 0;
      long sum = 0;
      for (Future<ReceiptVerdict> f : verdicts) {
        ReceiptVerdict verdict = f.get();
        if (verdict.isAccepted()) {
          accepted++;
          sum += verdict.increaseMicros();
        }
      }
      assertThat(accepted).isPositive();
      // The increases of accepted receipts add up to the last accepted amount: nothing is counted
      // twice and nothing goes backwards.
      ReceiptVerdict last = v.validate(receipt(a, 1000, 2_000, clock.millis()));
      assertThat(last.isAccepted()).isTrue();
      assertThat(sum + last.increaseMicros()).isEqualTo(2_000);
    } finally {
      pool.shutdownNow();
    }
  }
}
