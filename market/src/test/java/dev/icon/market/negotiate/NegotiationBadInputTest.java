package dev.icon.market.negotiate;

import static dev.icon.market.negotiate.NegotiationSessionTest.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.icon.market.signing.MarketSignatures;
import dev.icon.market.signing.SigningDomain;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.proto.icon.negotiate.AgreementTerms;
import dev.icon.proto.icon.negotiate.NegotiateFrame;
import dev.icon.proto.icon.negotiate.Offer;
import dev.icon.proto.icon.negotiate.Request;
import dev.icon.proto.icon.negotiate.RequestTerms;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Forged, stale, replayed, misaddressed and malformed requests and offers. */
class NegotiationBadInputTest {

  private final Fixture f = new Fixture(11);

  private Request request() {
    return f.consumer().open().orElseThrow().getRequest();
  }

  private static NegotiateFrame frame(Request r) {
    return NegotiateFrame.newBuilder().setRequest(r).build();
  }

  /** A request with changed terms, signed again by {@code signer}. */
  private static Request resigned(Request r, PrivateKey signer,
      UnaryOperator<RequestTerms.Builder> change) throws Exception {
    ByteString terms = change.apply(RequestTerms.parseFrom(r.getTerms()).toBuilder())
        .build().toByteString();
    return Request.newBuilder().setTerms(terms).setSignature(ByteString.copyFrom(
        MarketSignatures.sign(signer, SigningDomain.REQUEST, terms.toByteArray()))).build();
  }

  @Test
  void aRequestWithAForgedSignatureIsRefused() {
    Request r = request();
    byte[] terms = r.getTerms().toByteArray();
    terms[terms.length - 1] ^= 1; // the expiry's last byte: still parses
    ProviderSession p = f.provider();
    assertRejected(p.onFrame(frame(r.toBuilder().setTerms(ByteString.copyFrom(terms)).build())),
        p, NegotiateError.BAD_SIGNATURE);
    assertThat(f.replays.size()).isZero();
  }

  @Test
  void aRequestWithoutSignatureIsRefused() {
    ProviderSession p = f.provider();
    assertRejected(p.onFrame(frame(request().toBuilder().clearSignature().build())), p,
        NegotiateError.BAD_SIGNATURE);
  }

  @Test
  void aRequestInTheNameOfAnotherConsumerIsRefused() throws Exception {
    PrivateKey mallory = Fixture.key(1234);
    Request r = resigned(request(), mallory, t -> t.setConsumer(
        ByteString.copyFrom(mallory.publicKey().peerId().toBytes())));
    ProviderSession p = f.provider(); // the stream's remote is the fixture's consumer
    assertRejected(p.onFrame(frame(r)), p, NegotiateError.WRONG_PEER);
  }

  @Test
  void aRequestAddressedToAnotherProviderIsRefused() throws Exception {
    Request r = resigned(request(), f.consumerKey, t -> t.setProvider(
        ByteString.copyFrom(Fixture.key(555).publicKey().peerId().toBytes())));
    ProviderSession p = f.provider();
    assertRejected(p.onFrame(frame(r)), p, NegotiateError.WRONG_PEER);
  }

  @Test
  void anExpiredRequestIsRefused() {
    Request r = request();
    f.clock.advance(f.config.requestLifetime());
    ProviderSession p = f.provider();
    assertRejected(p.onFrame(frame(r)), p, NegotiateError.EXPIRED);
  }

  @Test
  void aRequestValidForTooLongIsRefused() throws Exception {
    Request r = resigned(request(), f.consumerKey, t -> t.setExpiresAtMillis(
        f.clock.millis() + f.config.maxRequestLifetime().toMillis() + 1));
    ProviderSession p = f.provider();
    assertRejected(p.onFrame(frame(r)), p, NegotiateError.EXPIRED);
  }

  @Test
  void aReplayedRequestIsRefusedUntilItExpires() {
    Request r = request();
    ProviderSession first = f.provider();
    assertThat(first.onFrame(frame(r)).reply().hasOffer()).isTrue();
    ProviderSession second = f.provider();
    assertRejected(second.onFrame(frame(r)), second, NegotiateError.REPLAY);
    assertThat(f.replays.size()).isEqualTo(1);
    f.clock.advance(f.config.requestLifetime());
    ProviderSession third = f.provider();
    assertRejected(third.onFrame(frame(r)), third, NegotiateError.EXPIRED);
    assertThat(f.replays.size()).isZero();
  }

  @Test
  void malformedRequestTermsAreRefused() throws Exception {
    ProviderSession garbage = f.provider();
    assertRejected(garbage.onFrame(frame(Request.newBuilder()
        .setTerms(ByteString.copyFrom(new byte[] {(byte) 0xff, 0x01})).build())), garbage,
        NegotiateError.MALFORMED);
    ProviderSession version = f.provider();
    assertRejected(version.onFrame(frame(resigned(request(), f.consumerKey,
        t -> t.setVersion(2)))), version, NegotiateError.MALFORMED);
    ProviderSession noUnits = f.provider();
    assertRejected(noUnits.onFrame(frame(resigned(request(), f.consumerKey,
        t -> t.setUnits(0)))), noUnits, NegotiateError.MALFORMED);
    ProviderSession shortNonce = f.provider();
    assertRejected(shortNonce.onFrame(frame(resigned(request(), f.consumerKey,
        t -> t.setNonce(ByteString.copyFrom(new byte[3]))))), shortNonce, NegotiateError.MALFORMED);
    ProviderSession backwards = f.provider();
    assertRejected(backwards.onFrame(frame(resigned(request(), f.consumerKey,
        t -> t.setEndMillis(t.getStartMillis())))), backwards, NegotiateError.MALFORMED);
    ProviderSession noResources = f.provider();
    assertRejected(noResources.onFrame(frame(resigned(request(), f.consumerKey,
        RequestTerms.Builder::clearResources))), noResources, NegotiateError.MALFORMED);
  }

  /** The consumer's view of an offer changed by a (provider-signed) {@code change}. */
  private NegotiationSession.Step offerChanged(ConsumerSession c, PrivateKey signer,
      UnaryOperator<AgreementTerms.Builder> change) throws Exception {
    NegotiateFrame request = c.open().orElseThrow();
    Offer offer = f.provider().onFrame(request).reply().getOffer();
    ByteString terms = change.apply(AgreementTerms.parseFrom(offer.getTerms()).toBuilder())
        .build().toByteString();
    Offer changed = Offer.newBuilder().setTerms(terms).setProviderSignature(ByteString.copyFrom(
        MarketSignatures.sign(signer, SigningDomain.AGREEMENT, terms.toByteArray()))).build();
    return c.onFrame(NegotiateFrame.newBuilder().setOffer(changed).build());
  }

  @Test
  void anOfferWithAForgedSignatureIsRefused() throws Exception {
    ConsumerSession c = f.consumer();
    NegotiateFrame offer = f.provider().onFrame(c.open().orElseThrow()).reply();
    byte[] sig = offer.getOffer().getProviderSignature().toByteArray();
    sig[0] ^= (byte) 0x80;
    NegotiateFrame forged = NegotiateFrame.newBuilder().setOffer(offer.getOffer().toBuilder()
        .setProviderSignature(ByteString.copyFrom(sig))).build();
    assertRejected(c.onFrame(forged), c, NegotiateError.BAD_SIGNATURE);
    assertThat(f.consumerStore.size()).isZero();
  }

  @Test
  void anOfferFromAnotherProviderIsRefused() throws Exception {
    PrivateKey mallory = Fixture.key(77);
    ConsumerSession c = f.consumer();
    assertRejected(offerChanged(c, mallory, t -> t.setProvider(
        ByteString.copyFrom(mallory.publicKey().peerId().toBytes()))), c, NegotiateError.WRONG_PEER);
  }

  @Test
  void anOfferAboveTheMaximumPriceIsRefused() throws Exception {
    ConsumerSession c = f.consumer();
    long price = 2_000_001;
    assertRejected(offerChanged(c, f.providerKey, t -> t.setPriceMicrosPerUnitHour(price)
        .setMaxTotalMicros(price * 2 * 2)), c, NegotiateError.TERMS_MISMATCH);
  }

  @Test
  void anOfferForOtherResourcesIsRefused() throws Exception {
    ConsumerSession c = f.consumer();
    assertRejected(offerChanged(c, f.providerKey, t -> t.setResources(
        Fixture.SMALL.toBuilder().setCpuMillis(100))), c, NegotiateError.TERMS_MISMATCH);
  }

  @Test
  void anOfferWithAWrongTotalIsRefused() throws Exception {
    ConsumerSession c = f.consumer();
    assertRejected(offerChanged(c, f.providerKey, t -> t.setMaxTotalMicros(t.getMaxTotalMicros() + 1)),
        c, NegotiateError.MALFORMED);
  }

  @Test
  void anOfferOpenForTooLongOrAlreadyExpiredIsRefused() throws Exception {
    ConsumerSession longer = f.consumer();
    assertRejected(offerChanged(longer, f.providerKey, t -> t.setOfferExpiresAtMillis(
        f.clock.millis() + f.config.maxOfferLifetime().toMillis() + 1)), longer,
        NegotiateError.EXPIRED);
    ConsumerSession expired = f.consumer();
    assertRejected(offerChanged(expired, f.providerKey,
        t -> t.setOfferExpiresAtMillis(f.clock.millis())), expired, NegotiateError.EXPIRED);
  }

  @Test
  void aConsumerOverItsShareOfOpenRequestsIsDeclined() {
    ReplayCache shares = new ReplayCache(f.clock, 100, 1);
    ProviderSession first = new ProviderSession(f.providerKey, f.consumerKey.publicKey().peerId(),
        f.config, f.clock, f.random, shares, f.policy, f.providerStore);
    assertThat(first.onFrame(frame(request())).reply().hasOffer()).isTrue();
    ProviderSession second = new ProviderSession(f.providerKey, f.consumerKey.publicKey().peerId(),
        f.config, f.clock, f.random, shares, f.policy, f.providerStore);
    NegotiationSession.Step step = second.onFrame(frame(request()));
    assertRejected(step, second, NegotiateError.DECLINED);
    assertThat(step.reply().getReject().getDetail()).contains("too many open requests");
  }
}
