package dev.icon.market.negotiate;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.icon.market.signing.MarketSignatures;
import dev.icon.market.signing.SigningDomain;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.proto.icon.negotiate.Accept;
import dev.icon.proto.icon.negotiate.AgreementTerms;
import dev.icon.proto.icon.negotiate.NegotiateFrame;
import dev.icon.proto.icon.negotiate.Offer;
import dev.icon.proto.icon.negotiate.Request;
import dev.icon.proto.icon.negotiate.RequestTerms;
import java.time.Clock;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The provider's side of one negotiation. {@code AWAIT_REQUEST}: a request is verified (signature
 * by the stream's remote peer, addressed to us, fields, expiry, fresh nonce) and quoted by the
 * {@link OfferPolicy}; the signed offer is sent ({@code OFFERED}). {@code OFFERED}: the consumer's
 * accept must name the offer, arrive before the offer expires and carry the consumer's signature
 * over the offered terms; the policy commits, the agreement is stored and sent ({@code AGREED}).
 * Anything else fails the session ({@code FAILED}) with a reject.
 *
 * <p>Not thread-safe: confined to the stream's event loop.
 */
public final class ProviderSession extends SessionSupport {

  /** The session's states. */
  public enum State {
    AWAIT_REQUEST, OFFERED, AGREED, FAILED
  }

  private final PeerId self;
  private final PrivateKey key;
  private final ReplayCache replays;
  private final OfferPolicy policy;
  private State state = State.AWAIT_REQUEST;
  private ByteString subject = ByteString.EMPTY;
  private AgreementTerms offered;
  private ByteString offeredBytes;
  private ByteString providerSignature;

  /**
   * A session serving {@code remote} with our {@code key}.
   *
   * @param replays the host-wide cache of request nonces
   */
  public ProviderSession(PrivateKey key, PeerId remote, NegotiateConfig config, Clock clock,
      RandomGenerator random, ReplayCache replays, OfferPolicy policy, AgreementStore store) {
    super(remote, config, clock, random, store);
    this.key = key;
    this.self = key.publicKey().peerId();
    this.replays = replays;
    this.policy = policy;
  }

  /** The current state. */
  public State state() {
    return state;
  }

  @Override
  public Optional<NegotiateFrame> open() {
    return Optional.empty();
  }

  @Override
  Step handle(NegotiateFrame frame, long now) {
    if (state == State.AWAIT_REQUEST && frame.hasRequest()) {
      return onRequest(frame.getRequest(), now);
    }
    if (state == State.OFFERED && frame.hasAccept()) {
      return onAccept(frame.getAccept(), now);
    }
    throw unexpected(frame, state);
  }

  private Step onRequest(Request request, long now) {
    RequestTerms terms;
    try {
      terms = RequestTerms.parseFrom(request.getTerms());
    } catch (InvalidProtocolBufferException e) {
      throw TermsCheck.malformed("unparsable request terms: " + e.getMessage());
    }
    subject = terms.getRequestId();
    PeerId consumer = TermsCheck.peer(terms.getConsumer(), "consumer");
    if (!consumer.equals(remote)) {
      throw new NegotiateException(NegotiateError.WRONG_PEER,
          "request names consumer " + consumer + " but comes from " + remote);
    }
    if (!MarketSignatures.verify(terms.getConsumer().toByteArray(), SigningDomain.REQUEST,
        request.getTerms().toByteArray(), request.getSignature().toByteArray())) {
      throw new NegotiateException(NegotiateError.BAD_SIGNATURE,
          "request signature of " + consumer + " does not verify");
    }
    PeerId provider = TermsCheck.peer(terms.getProvider(), "provider");
    if (!provider.equals(self)) {
      throw new NegotiateException(NegotiateError.WRONG_PEER,
          "request addressed to " + provider + ", not to " + self);
    }
    TermsCheck.request(terms, now, config.maxRequestLifetime());
    switch (replays.remember(consumer, terms.getNonce(), terms.getExpiresAtMillis())) {
      case REPLAY -> throw new NegotiateException(NegotiateError.REPLAY,
          "request nonce already seen");
      case FULL -> throw new NegotiateException(NegotiateError.DECLINED,
          "too many open requests");
      case PEER_FULL -> throw new NegotiateException(NegotiateError.DECLINED,
          "too many open requests from " + consumer);
      case FRESH -> { }
    }
    OfferPolicy.Quote quote = policy.quote(consumer, terms);
    if (quote.declined()) {
      throw new NegotiateException(NegotiateError.DECLINED, quote.declineReason());
    }
    if (quote.priceMicrosPerUnitHour() > terms.getMaxPriceMicrosPerUnitHour()) {
      throw new NegotiateException(NegotiateError.DECLINED, "our price "
          + quote.priceMicrosPerUnitHour() + " exceeds the maximum " + terms.getMaxPriceMicrosPerUnitHour());
    }
    long duration = terms.getEndMillis() - terms.getStartMillis();
    offered = AgreementTerms.newBuilder()
        .setVersion(NegotiateProtocol.SCHEMA_VERSION)
        .setAgreementId(randomId())
        .setRequestId(terms.getRequestId())
        .setConsumer(terms.getConsumer())
        .setProvider(terms.getProvider())
        .setResources(terms.getResources())
        .setUnits(terms.getUnits())
        .setPriceMicrosPerUnitHour(quote.priceMicrosPerUnitHour())
        .setStartMillis(terms.getStartMillis())
        .setEndMillis(terms.getEndMillis())
        .setMaxTotalMicros(
            TermsCheck.maxTotal(quote.priceMicrosPerUnitHour(), terms.getUnits(), duration))
        .setNonce(randomId())
        .setOfferExpiresAtMillis(now + config.offerLifetime().toMillis())
        .build();
    subject = offered.getAgreementId();
    offeredBytes = offered.toByteString();
    providerSignature = ByteString.copyFrom(
        MarketSignatures.sign(key, SigningDomain.AGREEMENT, offeredBytes.toByteArray()));
    state = State.OFFERED;
    Offer offer = Offer.newBuilder().setTerms(offeredBytes)
        .setProviderSignature(providerSignature).build();
    return new Step(NegotiateFrame.newBuilder().setOffer(offer).build(), false);
  }

  private Step onAccept(Accept accept, long now) {
    if (!accept.getAgreementId().equals(offered.getAgreementId())) {
      throw new NegotiateException(NegotiateError.TERMS_MISMATCH,
          "accept names another agreement than the one offered");
    }
    if (now >= offered.getOfferExpiresAtMillis()) {
      throw new NegotiateException(NegotiateError.EXPIRED,
          "offer expired at " + offered.getOfferExpiresAtMillis() + " ms, accepted at " + now);
    }
    if (!MarketSignatures.verify(offered.getConsumer().toByteArray(), SigningDomain.AGREEMENT,
        offeredBytes.toByteArray(), accept.getConsumerSignature().toByteArray())) {
      throw new NegotiateException(NegotiateError.BAD_SIGNATURE,
          "consumer signature over the offered terms does not verify");
    }
    SignedAgreement agreed = SignedAgreement.verify(
        agreementOf(offeredBytes, providerSignature, accept.getConsumerSignature()));
    if (!policy.commit(offered)) {
      throw new NegotiateException(NegotiateError.DECLINED, "capacity no longer available");
    }
    try {
      save(agreed);
    } catch (NegotiateException e) {
      policy.release(offered);
      throw e;
    }
    state = State.AGREED;
    return succeed(agreed, NegotiateFrame.newBuilder().setAgreement(agreed.message()).build());
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
