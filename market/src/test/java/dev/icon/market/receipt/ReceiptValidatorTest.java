package dev.icon.market.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The provider's receipt checks, each refusal named, nothing recorded on refusal. */
class ReceiptValidatorTest {

  /** 1 unit of currency per unit-hour, 2 units, 3 hours: at most 6,000,000 micro-units. */
  static final long MAX = 6_000_000;

  final MutableClock clock = new MutableClock();
  final PrivateKey icon = TestAgreements.key(21);
  final PrivateKey provider = TestAgreements.key(22);
  final MemoryAgreementStore store = new MemoryAgreementStore();
  final SignedAgreement agreement =
      TestAgreements.conclude(icon, provider, clock, store, 1_000_000, 2, 3);
  final ReceiptBook book = new MemoryReceiptBook();
  final ReceiptValidator validator = new ReceiptValidator(provider.publicKey().peerId(), store,
      book, clock, Duration.ofSeconds(5));
  final ReceiptSigner signer = new ReceiptSigner(icon, clock);

  /** A receipt with a changed body, signed by {@code key}. */
  static UsageReceipt resigned(UsageReceipt r, PrivateKey key,
      UnaryOperator<ReceiptBody.Builder> change) throws Exception {
    ByteString body = change.apply(ReceiptBody.parseFrom(r.getBody()).toBuilder()).build()
        .toByteString();
    return UsageReceipt.newBuilder().setBody(body).setSignature(ByteString.copyFrom(
        MarketSignatures.sign(key, SigningDomain.RECEIPT, body.toByteArray()))).build();
  }

  private void assertRefused(UsageReceipt r, ReceiptError error) {
    long before = book.last(agreement.id()).map(ReceiptBook.Entry::sequence).orElse(0L);
    ReceiptVerdict v = validator.validate(r);
    assertThat(v.isAccepted()).isFalse();
    assertThat(v.error()).isEqualTo(error);
    assertThat(v.detail()).isNotBlank();
    assertThat(book.last(agreement.id()).map(ReceiptBook.Entry::sequence).orElse(0L))
        .isEqualTo(before);
  }

  @Test
  void acceptsGrowingAmountsAndReportsTheIncrease() {
    assertThat(agreement.terms().getMaxTotalMicros()).isEqualTo(MAX);
    ReceiptVerdict first = validator.validate(signer.sign(agreement, 1_000).toByteArray());
    assertThat(first.isAccepted()).isTrue();
    assertThat(first.increaseMicros()).isEqualTo(1_000);
    clock.advance(Duration.ofMinutes(10));
    ReceiptVerdict same = validator.validate(signer.sign(agreement, 1_000));
    assertThat(same.isAccepted()).isTrue();
    assertThat(same.increaseMicros()).isZero();
    ReceiptVerdict full = validator.validate(signer.sign(agreement, MAX));
    assertThat(full.increaseMicros()).isEqualTo(MAX - 1_000);
    assertThat(full.agreement()).isEqualTo(agreement.id());
    assertThat(book.last(agreement.id()).orElseThrow().sequence()).isEqualTo(3);
  }

  @Test
  void refusesAReceiptGoingBackwards() throws Exception {
    UsageReceipt r1 = signer.sign(agreement, 5_000);
    assertThat(validator.validate(r1).isAccepted()).isTrue();
    UsageReceipt back = resigned(r1, icon, b -> b.setSequence(2).setCumulativeMicros(4_999));
    assertRefused(back, ReceiptError.BACKWARDS);
  }

  @Test
  void refusesAReplayedOrReorderedReceipt() {
    UsageReceipt r1 = signer.sign(agreement, 10);
    UsageReceipt r2 = signer.sign(agreement, 20);
    assertThat(validator.validate(r2).isAccepted()).isTrue();
    assertRefused(r2, ReceiptError.STALE_SEQUENCE);
    assertRefused(r1, ReceiptError.STALE_SEQUENCE);
  }

  @Test
  void refusesAnAmountAboveTheAgreement() throws Exception {
    UsageReceipt r = resigned(signer.sign(agreement, 1), icon, b -> b.setCumulativeMicros(MAX + 1));
    assertRefused(r, ReceiptError.EXCEEDS_AGREEMENT);
    assertThatThrownBy(() -> signer.sign(agreement, MAX + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesForgedAndMissingSignaturesAndOtherSigners() throws Exception {
    UsageReceipt r = signer.sign(agreement, 100);
    byte[] body = r.getBody().toByteArray();
    body[body.length - 1] ^= 1;
    assertRefused(r.toBuilder().setBody(ByteString.copyFrom(body)).build(),
        ReceiptError.BAD_SIGNATURE);
    assertRefused(r.toBuilder().clearSignature().build(), ReceiptError.BAD_SIGNATURE);
    // The provider cannot write itself receipts.
    assertRefused(resigned(r, provider, b -> b), ReceiptError.BAD_SIGNATURE);
    assertThat(validator.validate(r).isAccepted()).isTrue();
  }

  @Test
  void refusesUnknownAgreementsAndWrongPeers() throws Exception {
    UsageReceipt r = signer.sign(agreement, 100);
    assertRefused(resigned(r, icon, b -> b.setAgreementId(ByteString.copyFrom(new byte[16]))),
        ReceiptError.UNKNOWN_AGREEMENT);
    PrivateKey other = TestAgreements.key(99);
    assertRefused(resigned(r, icon, b -> b.setProvider(
        ByteString.copyFrom(other.publicKey().peerId().toBytes()))), ReceiptError.WRONG_PEER);
    assertRefused(resigned(r, other, b -> b.setConsumer(
        ByteString.copyFrom(other.publicKey().peerId().toBytes()))), ReceiptError.WRONG_PEER);
    // Another provider holding the same agreement id is not this agreement's provider.
    ReceiptValidator someoneElse = new ReceiptValidator(other.publicKey().peerId(), store,
        new MemoryReceiptBook(), clock, Duration.ZERO);
    assertThat(someoneElse.validate(r).error()).isEqualTo(ReceiptError.WRONG_PEER);
  }

  @Test
  void refusesMalformedOversizedAndFutureReceipts() throws Exception {
    assertThat(validator.validate(new byte[] {(byte) 0xff, 0x01}).error())
        .isEqualTo(ReceiptError.MALFORMED);
    assertThat(validator.validate(new byte[ReceiptValidator.MAX_RECEIPT_SIZE + 1]).error())
        .isEqualTo(ReceiptError.OVERSIZED);
    UsageReceipt r = signer.sign(agreement, 100);
    assertRefused(resigned(r, icon, b -> b.setVersion(2)), ReceiptError.MALFORMED);
    assertRefused(resigned(r, icon, b -> b.setSequence(0)), ReceiptError.MALFORMED);
    assertRefused(resigned(r, icon, b -> b.setCumulativeMicros(-1)), ReceiptError.MALFORMED);
    assertRefused(resigned(r, icon, b -> b.setIssuedAtMillis(clock.millis() + 5_001)),
        ReceiptError.FROM_FUTURE);
    assertRefused(r.toBuilder().setSignature(ByteString.copyFrom(new byte[2000])).build(),
        ReceiptError.OVERSIZED);
  }

  @Test
  void refusesAStoredAgreementThatDoesNotVerify() throws Exception {
    MemoryAgreementStore tampered = new MemoryAgreementStore();
    byte[] bytes = agreement.toByteArray();
    bytes[bytes.length - 1] ^= 1; // the consumer signature's last byte
    tampered.saveIfAbsent(agreement.id(), bytes);
    ReceiptValidator v = new ReceiptValidator(provider.publicKey().peerId(), tampered,
        new MemoryReceiptBook(), clock, Duration.ZERO);
    assertThat(v.validate(signer.sign(agreement, 1)).error())
        .isEqualTo(ReceiptError.UNKNOWN_AGREEMENT);
  }

  @Test
  void theSignerRefusesToGoBackwardsOrPayForOthers() {
    signer.sign(agreement, 50);
    assertThatThrownBy(() -> signer.sign(agreement, 49))
        .hasMessageContaining("below the last receipt");
    ReceiptSigner providerAsIcon = new ReceiptSigner(provider, clock);
    assertThatThrownBy(() -> providerAsIcon.sign(agreement, 1)).hasMessageContaining("not ours");
  }
}
