package dev.icon.market.negotiate;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.icon.proto.icon.negotiate.Accept;
import dev.icon.proto.icon.negotiate.Agreement;
import dev.icon.proto.icon.negotiate.AgreementTerms;
import dev.icon.proto.icon.negotiate.NegotiateFrame;
import dev.icon.proto.icon.negotiate.Offer;
import dev.icon.proto.icon.negotiate.RejectReason;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Both sides' state machines driven by hand on a hand-moved clock. */
class NegotiationSessionTest {

  private final Fixture f = new Fixture(7);

  @Test
  void bothSidesEndWithTheSameStoredDualSignedAgreement() {
    ConsumerSession c = f.consumer();
    ProviderSession p = f.provider();
    NegotiateFrame request = c.open().orElseThrow();
    assertThat(c.state()).isEqualTo(ConsumerSession.State.REQUESTED);

    NegotiationSession.Step offer = p.onFrame(request);
    assertThat(offer.done()).isFalse();
    assertThat(offer.reply().hasOffer()).isTrue();
    assertThat(p.state()).isEqualTo(ProviderSession.State.OFFERED);

    NegotiationSession.Step accept = c.onFrame(offer.reply());
    assertThat(accept.reply().hasAccept()).isTrue();
    assertThat(c.state()).isEqualTo(ConsumerSession.State.ACCEPTED);

    NegotiationSession.Step agreement = p.onFrame(accept.reply());
    assertThat(agreement.done()).isTrue();
    assertThat(agreement.reply().hasAgreement()).isTrue();
    assertThat(p.state()).isEqualTo(ProviderSession.State.AGREED);

    NegotiationSession.Step last = c.onFrame(agreement.reply());
    assertThat(last.done()).isTrue();
    assertThat(last.reply()).isNull();
    assertThat(c.state()).isEqualTo(ConsumerSession.State.AGREED);

    SignedAgreement mine = c.agreement().orElseThrow();
    SignedAgreement theirs = p.agreement().orElseThrow();
    assertThat(mine).isEqualTo(theirs);
    assertThat(f.consumerStore.find(mine.id())).hasValueSatisfying(
        b -> assertThat(b).isEqualTo(theirs.toByteArray()));
    assertThat(f.providerStore.find(mine.id())).hasValueSatisfying(
        b -> assertThat(b).isEqualTo(mine.toByteArray()));
    AgreementTerms t = mine.terms();
    assertThat(t.getPriceMicrosPerUnitHour()).isEqualTo(Fixture.PRICE);
    assertThat(t.getMaxTotalMicros()).isEqualTo(Fixture.PRICE * 2 * 2);
    assertThat(mine.consumer()).isEqualTo(f.consumerKey.publicKey().peerId());
    assertThat(mine.provider()).isEqualTo(f.providerKey.publicKey().peerId());
  }

  @Test
  void providerDeclinesWhenThePolicyHasNoCapacity() {
    f.policy = new CapacityOfferPolicy(Fixture.PRICE, 100, 100);
    ProviderSession p = f.provider();
    NegotiationSession.Step step = p.onFrame(f.consumer().open().orElseThrow());
    assertRejected(step, p, NegotiateError.DECLINED);
  }

  @Test
  void providerDeclinesWhenItsPriceIsAboveTheMaximum() {
    f.policy = new CapacityOfferPolicy(3_000_000, 4_000, 4_096);
    ProviderSession p = f.provider();
    assertRejected(p.onFrame(f.consumer().open().orElseThrow()), p, NegotiateError.DECLINED);
  }

  @Test
  void consumerDeclinesWhenItsEvaluatorSaysNo() {
    f.evaluator = offer -> false;
    ConsumerSession c = f.consumer();
    ProviderSession p = f.provider();
    NegotiateFrame offer = p.onFrame(c.open().orElseThrow()).reply();
    NegotiationSession.Step step = c.onFrame(offer);
    assertRejected(step, c, NegotiateError.DECLINED);
    // The provider reads the reject: failed by the remote, nothing stored.
    NegotiationSession.Step end = p.onFrame(step.reply());
    assertThat(end.done()).isTrue();
    assertThat(end.reply()).isNull();
    assertThat(p.failure().orElseThrow().byRemote()).isTrue();
    assertThat(p.failure().orElseThrow().error()).isEqualTo(NegotiateError.DECLINED);
    assertThat(p.state()).isEqualTo(ProviderSession.State.FAILED);
    assertThat(f.providerStore.size()).isZero();
  }

  @Test
  void aFrameOutOfOrderFailsTheSession() {
    ConsumerSession c = f.consumer();
    ProviderSession p = f.provider();
    NegotiateFrame request = c.open().orElseThrow();
    NegotiateFrame offer = p.onFrame(request).reply();
    // The provider gets its own offer back instead of an accept.
    assertRejected(p.onFrame(offer), p, NegotiateError.UNEXPECTED);
    // The consumer gets an agreement before it accepted anything.
    ConsumerSession c2 = f.consumer();
    c2.open();
    assertRejected(c2.onFrame(NegotiateFrame.newBuilder()
        .setAgreement(Agreement.getDefaultInstance()).build()), c2, NegotiateError.UNEXPECTED);
  }

  @Test
  void aFrameAfterTheStepDeadlineTimesOut() {
    ConsumerSession c = f.consumer();
    ProviderSession p = f.provider();
    NegotiateFrame offer = p.onFrame(c.open().orElseThrow()).reply();
    f.clock.advance(f.config.stepTimeout());
    assertRejected(c.onFrame(offer), c, NegotiateError.TIMEOUT);
  }

  @Test
  void theTimerEndsAWaitingSessionWithATimeoutReject() {
    ProviderSession p = f.provider();
    NegotiationSession.Step step = p.onTimeout();
    assertRejected(step, p, NegotiateError.TIMEOUT);
    assertThat(p.onTimeout().reply()).isNull();
  }

  @Test
  void anAcceptAfterTheOfferExpiredIsRefusedAndNothingIsStored() {
    NegotiateConfig slowSteps = f.config.toBuilder().stepTimeout(Duration.ofMinutes(10)).build();
    ProviderSession p = new ProviderSession(f.providerKey, f.consumerKey.publicKey().peerId(),
        slowSteps, f.clock, f.random, f.replays, f.policy, f.providerStore);
    ConsumerSession c = f.consumer();
    NegotiateFrame accept = c.onFrame(p.onFrame(c.open().orElseThrow()).reply()).reply();
    f.clock.advance(slowSteps.offerLifetime());
    assertRejected(p.onFrame(accept), p, NegotiateError.EXPIRED);
    assertThat(((CapacityOfferPolicy) f.policy).freeCpuMillis()).isEqualTo(4_000);
  }

  @Test
  void anAcceptWithAForgedSignatureIsRefused() {
    ConsumerSession c = f.consumer();
    ProviderSession p = f.provider();
    Accept accept = c.onFrame(p.onFrame(c.open().orElseThrow()).reply()).reply().getAccept();
    byte[] sig = accept.getConsumerSignature().toByteArray();
    sig[5] ^= 1;
    NegotiateFrame forged = NegotiateFrame.newBuilder().setAccept(
        accept.toBuilder().setConsumerSignature(ByteString.copyFrom(sig))).build();
    assertRejected(p.onFrame(forged), p, NegotiateError.BAD_SIGNATURE);
  }

  @Test
  void anAcceptSignedByAnotherKeyIsRefused() throws Exception {
    ConsumerSession c = f.consumer();
    ProviderSession p = f.provider();
    NegotiateFrame offerFrame = p.onFrame(c.open().orElseThrow()).reply();
    Offer offer = offerFrame.getOffer();
    byte[] otherSig = dev.icon.market.signing.MarketSignatures.sign(Fixture.key(999),
        dev.icon.market.signing.SigningDomain.AGREEMENT, offer.getTerms().toByteArray());
    NegotiateFrame accept = NegotiateFrame.newBuilder().setAccept(Accept.newBuilder()
        .setAgreementId(AgreementTerms.parseFrom(offer.getTerms()).getAgreementId())
        .setConsumerSignature(ByteString.copyFrom(otherSig))).build();
    assertRejected(p.onFrame(accept), p, NegotiateError.BAD_SIGNATURE);
  }

  @Test
  void anAcceptWithoutSignatureIsRefused() throws Exception {
    ConsumerSession c = f.consumer();
    ProviderSession p = f.provider();
    Offer offer = p.onFrame(c.open().orElseThrow()).reply().getOffer();
    NegotiateFrame accept = NegotiateFrame.newBuilder().setAccept(Accept.newBuilder()
        .setAgreementId(AgreementTerms.parseFrom(offer.getTerms()).getAgreementId())).build();
    assertRejected(p.onFrame(accept), p, NegotiateError.BAD_SIGNATURE);
  }

  @Test
  void anAgreementWithOtherTermsThanOfferedIsRefused() {
    ConsumerSession c = f.consumer();
    ProviderSession p = f.provider();
    c.onFrame(p.onFrame(c.open().orElseThrow()).reply());
    // A second, valid negotiation of the same provider: its agreement is not the one c accepted.
    ConsumerSession other = f.consumer();
    NegotiateFrame foreign = f.exchange(other, f.provider());
    assertRejected(c.onFrame(foreign), c, NegotiateError.TERMS_MISMATCH);
    assertThat(f.consumerStore.size()).isEqualTo(1); // only the other session's
  }

  static void assertRejected(NegotiationSession.Step step, NegotiationSession s,
      NegotiateError error) {
    assertThat(step.done()).isTrue();
    assertThat(s.failure()).hasValueSatisfying(e -> {
      assertThat(e.error()).isEqualTo(error);
      assertThat(e.byRemote()).isFalse();
    });
    assertThat(s.agreement()).isEmpty();
    assertThat(step.reply().hasReject()).isTrue();
    RejectReason reason = step.reply().getReject().getReason();
    assertThat(reason).isEqualTo(error.wire());
  }
}
