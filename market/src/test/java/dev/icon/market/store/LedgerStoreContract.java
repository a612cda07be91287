package dev.icon.market.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.icon.market.ledger.Ledger;
import dev.icon.market.ledger.LedgerError;
import dev.icon.market.ledger.LedgerException;
import dev.icon.market.negotiate.AgreementId;
import dev.icon.market.negotiate.SignedAgreement;
import dev.icon.market.negotiate.TestAgreements;
import dev.icon.market.receipt.ReceiptBook;
import dev.icon.market.receipt.ReceiptError;
import dev.icon.market.receipt.ReceiptSigner;
import dev.icon.market.receipt.ReceiptValidator;
import dev.icon.market.receipt.ReceiptVerdict;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.testing.MutableClock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The ledger adapters on some {@link Ledger}: real agreements concluded into a {@link
 * LedgerAgreementStore}, real receipts checked by a {@link ReceiptValidator} over a {@link
 * LedgerReceiptBook}, and what ends up in the ledger.
 */
abstract class LedgerStoreContract {

  private static final AtomicLong SEEDS = new AtomicLong(1_000);

  abstract Ledger ledger();

  final MutableClock clock = new MutableClock();
  final PrivateKey icon = TestAgreements.key(SEEDS.incrementAndGet());
  final PrivateKey provider = TestAgreements.key(SEEDS.incrementAndGet());

  @Test
  void agreementsAreWriteOnceInTheLedger() {
    LedgerAgreementStore store = new LedgerAgreementStore(ledger());
    SignedAgreement a = TestAgreements.conclude(icon, provider, clock, store, 1_000_000, 2, 3);
    assertThat(ledger().agreement(a.id().toString())).hasValueSatisfying(
        b -> assertThat(b).isEqualTo(a.toByteArray()));
    assertThat(store.find(a.id())).hasValueSatisfying(b -> assertThat(b).isEqualTo(a.toByteArray()));
    // The same bytes again: stored (idempotent). Different bytes under the id: refused.
    assertThat(store.saveIfAbsent(a.id(), a.toByteArray())).isTrue();
    assertThat(store.saveIfAbsent(a.id(), new byte[] {1, 2, 3})).isFalse();
    assertThat(store.find(a.id())).hasValueSatisfying(b -> assertThat(b).isEqualTo(a.toByteArray()));
    assertThat(store.find(AgreementId.parse("00".repeat(16)))).isEmpty();
  }

  @Test
  void receiptsAreCheckedAndRecordedInTheLedger() {
    LedgerAgreementStore store = new LedgerAgreementStore(ledger());
    LedgerReceiptBook book = new LedgerReceiptBook(ledger());
    SignedAgreement a = TestAgreements.conclude(icon, provider, clock, store, 1_000_000, 2, 3);
    ReceiptValidator validator = new ReceiptValidator(provider.publicKey().peerId(), store, book,
        clock, Duration.ofSeconds(5));
    ReceiptSigner signer = new ReceiptSigner(icon, clock);
    String id = a.id().toString();

    byte[] first = signer.sign(a, 1_000).toByteArray();
    assertThat(validator.validate(first).isAccepted()).isTrue();
    byte[] second = signer.sign(a, 5_000).toByteArray();
    ReceiptVerdict v = validator.validate(second);
    assertThat(v.isAccepted()).isTrue();
    assertThat(v.increaseMicros()).isEqualTo(4_000);
    assertThat(ledger().receipt(id).orElseThrow().cumulativeAmount()).isEqualTo(5_000);
    assertThat(ledger().receipt(id).orElseThrow().signedReceipt()).isEqualTo(second);
    assertThat(book.last(a.id()).orElseThrow().sequence()).isEqualTo(2);

    // A replay of the first receipt and one over the agreement: refused, ledger unchanged.
    assertThat(validator.validate(first).error()).isEqualTo(ReceiptError.STALE_SEQUENCE);
    assertThat(new ReceiptValidator(provider.publicKey().peerId(), store, book, clock,
        Duration.ofSeconds(5)).validate(first).error()).isEqualTo(ReceiptError.STALE_SEQUENCE);
    assertThat(ledger().receipt(id).orElseThrow().signedReceipt()).isEqualTo(second);
  }

  @Test
  void aLostRaceOrABackwardsSwapIsFalseAndStoresNothing() {
    LedgerAgreementStore store = new LedgerAgreementStore(ledger());
    LedgerReceiptBook book = new LedgerReceiptBook(ledger());
    SignedAgreement a = TestAgreements.conclude(icon, provider, clock, store, 1_000_000, 2, 3);
    ReceiptSigner signer = new ReceiptSigner(icon, clock);
    byte[] r1 = signer.sign(a, 100).toByteArray();
    byte[] r2 = signer.sign(a, 200).toByteArray();
    ReceiptBook.Entry e1 = new ReceiptBook.Entry(1, 100, r1);
    ReceiptBook.Entry e2 = new ReceiptBook.Entry(2, 200, r2);
    assertThat(book.compareAndSet(a.id(), null, e1)).isTrue();
    assertThat(book.compareAndSet(a.id(), null, e2)).isFalse();
    assertThat(book.compareAndSet(a.id(), e1, e2)).isTrue();
    assertThat(book.compareAndSet(a.id(), e1, e2)).isFalse();
    assertThat(book.compareAndSet(a.id(), e2, e1)).isFalse();
    assertThat(book.last(a.id()).orElseThrow().sequence()).isEqualTo(2);
    assertThat(book.last(a.id()).orElseThrow().receipt()).isEqualTo(r2);
    assertThatThrownBy(() -> book.compareAndSet(a.id(), e2, new ReceiptBook.Entry(7, 300, r2)))
        .isInstanceOf(IllegalArgumentException.class);
    // No agreement, no receipt: the ledger's refusal reaches the caller.
    AgreementId unknown = AgreementId.parse("ab".repeat(16));
    assertThatThrownBy(() -> book.compareAndSet(unknown, null, e1))
        .isInstanceOfSatisfying(LedgerException.class,
            e -> assertThat(e.error()).isEqualTo(LedgerError.UNKNOWN_AGREEMENT));
    assertThat(book.last(unknown)).isEmpty();
  }
}
