package dev.icon.market.negotiate;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.icon.market.signing.MarketSignatures;
import dev.icon.market.signing.SigningDomain;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.proto.icon.negotiate.Accept;
import dev.icon.proto.icon.negotiate.Agreement;
import dev.icon.proto.icon.negotiate.AgreementTerms;
import dev.icon.proto.icon.negotiate.NegotiateFrame;
import dev.icon.proto.icon.negotiate.Offer;
import dev.icon.proto.icon.negotiate.Request;
import dev.icon.proto.icon.negotiate.RequestTerms;
import java.time.Clock;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The consumer's (ICON's) side of one negotiation. {@link #open()} signs and returns the request
 * ({@code REQUESTED}). {@code REQUESTED}: the offer must be signed by the provider we asked, have
 * valid fields, be open now (and not for longer than allowed) and match the request; the {@link
 * OfferEvaluator} decides, and the countersignature is sent ({@code ACCEPTED}). {@code ACCEPTED}:
 * the agreement must carry exactly the offered terms and both signatures; it is stored ({@code
 * AGREED}). Anything else fails the session ({@code FAILED}) with a reject.
 *
 * <p>Not thread-safe: confined to the stream's event loop.
 */
public final class ConsumerSession extends SessionSupport {

  /** The session's states. */
  public enum State {
    NEW, REQUESTED, ACCEPTED, AGREED, FAILED
  }

  private final PrivateKey key;
  private final NegotiationRequest want;
  private final OfferEvaluator evaluator;
  private State state = State.NEW;
  private RequestTerms request;
  private ByteString subject = ByteString.EMPTY;
  private ByteString offeredBytes;
  private ByteString providerSignature;
  private ByteString consumerSignature;

  /** A session asking {@code want.provider()} for {@code want}, signing with {@code key}. */
  public ConsumerSession(PrivateKey key, NegotiationRequest want, NegotiateConfig config,
      Clock clock, RandomGenerator random, OfferEvaluator evaluator, AgreementStore store) {
    super(want.provider(), config, clock, random, store);
    this.key = key;
    this.want = want;
    this.evaluator = evaluator;
  }

  /** The current state. */
  public State state() {
    return state;
  }

  /** The request sent, once {@link #open()} ran. */
  public Optional<RequestTerms> request() {
    return Optional.ofNullable(request);
  }

  @Override
  public Optional<NegotiateFrame> open() {
    if (state != State.NEW) {
      throw new IllegalStateException("open() called in state " + state);
    }
    long now = clock.millis();
    RequestTerms.Builder builder = RequestTerms.newBuilder()
        .setVersion(NegotiateProtocol.SCHEMA_VERSION)
        .setRequestId(randomId())
        .setConsumer(ByteString.copyFrom(key.publicKey().peerId().toBytes()))
        .setProvider(ByteString.copyFrom(want.provider().toBytes()))
        .setResources(want.resources())
        .setUnits(want.units())
        .setMaxPriceMicrosPerUnitHour(want.maxPriceMicrosPerUnitHour())
        .setStartMillis(want.start().toEpochMilli())
        .setEndMillis(want.end().toEpochMilli())
        .setNonce(randomId())
        .setExpiresAtMillis(now + config.requestLifetime().toMillis());
    if (want.marketTrade() != null) {
      builder.setMarketTrade(want.marketTrade());
    }
    request = builder.build();
    subject = request.getRequestId();
    ByteString bytes = request.toByteString();
    byte[] signature = MarketSignatures.sign(key, SigningDomain.REQUEST, bytes.toByteArray());
    state = State.REQUESTED;
    Request frame = Request.newBuilder().setTerms(bytes)
        .setSignature(ByteString.copyFrom(signature)).build();
    return Optional.of(NegotiateFrame.newBuilder().setRequest(frame).build());
  }

  @Override
  Step handle(NegotiateFrame frame, long now) {
    if (state == State.REQUESTED && frame.hasOffer()) {
      return onOffer(frame.getOffer(), now);
    }
    if (state == State.ACCEPTED && frame.hasAgreement()) {
      return onAgreement(frame.getAgreement());
    }
    throw unexpected(frame, state);
  }

  private Step onOffer(Offer offer, long now) {
    AgreementTerms terms;
    try {
      terms = AgreementTerms.parseFrom(offer.getTerms());
    } catch (InvalidProtocolBufferException e) {
      throw TermsCheck.malformed("unparsable offer terms: " + e.getMessage());
    }
    PeerId provider = TermsCheck.peer(terms.getProvider(), "provider");
    if (!provider.equals(remote)) {
      throw new NegotiateException(NegotiateError.WRONG_PEER,
          "offer names provider " + provider + " but comes from " + remote);
    }
    if (!MarketSignatures.verify(terms.getProvider().toByteArray(), SigningDomain.AGREEMENT,
        offer.getTerms().toByteArray(), offer.getProviderSignature().toByteArray())) {
      throw new NegotiateException(NegotiateError.BAD_SIGNATURE,
          "offer signature of " + provider + " does not verify");
    }
    TermsCheck.agreement(terms);
    TermsCheck.matches(terms, request);
    TermsCheck.offerExpiry(terms, now, config.maxOfferLifetime());
    subject = terms.getAgreementId();
    if (store.find(new AgreementId(terms.getAgreementId())).isPresent()) {
      throw new NegotiateException(NegotiateError.REPLAY,
          "offer reuses agreement id " + new AgreementId(terms.getAgreementId()));
    }
    if (!evaluator.accept(terms)) {
      throw new NegotiateException(NegotiateError.DECLINED, "offer declined by the ICON");
    }
    offeredBytes = offer.getTerms();
    providerSignature = offer.getProviderSignature();
    consumerSignature = ByteString.copyFrom(
        MarketSignatures.sign(key, SigningDomain.AGREEMENT, offeredBytes.toByteArray()));
    state = State.ACCEPTED;
    Accept accept = Accept.newBuilder().setAgreementId(terms.getAgreementId())
        .setConsumerSignature(consumerSignature).build();
    return new Step(NegotiateFrame.newBuilder().setAccept(accept).build(), false);
  }

  private Step onAgreement(Agreement agreement) {
    if (!agreement.getTerms().equals(offeredBytes)) {
      throw new NegotiateException(NegotiateError.TERMS_MISMATCH,
          "agreement terms differ from the offered ones");
    }
    if (!agreement.getConsumerSignature().equals(consumerSignature)) {
      throw new NegotiateException(NegotiateError.TERMS_MISMATCH,
          "agreement carries another consumer signature than ours");
    }
    SignedAgreement agreed = SignedAgreement.verify(agreement);
    save(agreed);
    state = State.AGREED;
    return succeed(agreed, null);
  }

  @Override
  ByteString subjectId() {
    return subject;
  }

  @Override
  void enterFailed() {
    state = State.FAILED;
  }
}
