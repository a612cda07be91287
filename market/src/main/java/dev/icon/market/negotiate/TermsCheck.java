package dev.icon.market.negotiate;

import com.google.protobuf.ByteString;
import dev.icon.overlay.identity.PeerId;
import dev.icon.proto.icon.negotiate.AgreementTerms;
import dev.icon.proto.icon.negotiate.RequestTerms;
import dev.icon.proto.icon.resources.ResourceSpec;
import java.math.BigInteger;
import java.time.Duration;

/**
 * Field checks of request and agreement terms, shared by both sides of a negotiation and by the
 * receipt validator. Each failure throws a {@link NegotiateException} naming the field. Stateless.
 */
final class TermsCheck {

  private static final long HOUR_MILLIS = Duration.ofHours(1).toMillis();

  private TermsCheck() {}

  /** Checks a request's fields and that it is valid now and not for longer than {@code max}. */
  static void request(RequestTerms t, long now, Duration maxLifetime) {
    version(t.getVersion());
    id(t.getRequestId(), "request_id");
    id(t.getNonce(), "nonce");
    peer(t.getConsumer(), "consumer");
    peer(t.getProvider(), "provider");
    resources(t.hasResources(), t.getResources());
    positive(t.getUnits(), "units");
    if (t.getMaxPriceMicrosPerUnitHour() < 0) {
      throw malformed("max_price_micros_per_unit_hour is negative");
    }
    period(t.getStartMillis(), t.getEndMillis(), now);
    expiry(t.getExpiresAtMillis(), now, maxLifetime, "request");
  }

  /** Checks an agreement's fields (not its expiry: see {@link #offerExpiry}). */
  static void agreement(AgreementTerms t) {
    version(t.getVersion());
    id(t.getAgreementId(), "agreement_id");
    id(t.getRequestId(), "request_id");
    id(t.getNonce(), "nonce");
    peer(t.getConsumer(), "consumer");
    peer(t.getProvider(), "provider");
    resources(t.hasResources(), t.getResources());
    positive(t.getUnits(), "units");
    if (t.getPriceMicrosPerUnitHour() < 0) {
      throw malformed("price_micros_per_unit_hour is negative");
    }
    if (t.getStartMillis() >= t.getEndMillis()) {
      throw malformed("start_millis is not before end_millis");
    }
    long expected = maxTotal(t.getPriceMicrosPerUnitHour(), t.getUnits(),
        t.getEndMillis() - t.getStartMillis());
    if (t.getMaxTotalMicros() != expected) {
      throw malformed("max_total_micros " + t.getMaxTotalMicros() + " is not price * units * hours = "
          + expected);
    }
  }

  /** Checks that an offer is open now and not for longer than {@code max}. */
  static void offerExpiry(AgreementTerms t, long now, Duration maxLifetime) {
    expiry(t.getOfferExpiresAtMillis(), now, maxLifetime, "offer");
  }

  /** Checks that an offer answers {@code request} (peers, resources, units, period, price). */
  static void matches(AgreementTerms offer, RequestTerms request) {
    mismatch(offer.getRequestId().equals(request.getRequestId()), "request_id");
    mismatch(offer.getConsumer().equals(request.getConsumer()), "consumer");
    mismatch(offer.getProvider().equals(request.getProvider()), "provider");
    mismatch(offer.getResources().equals(request.getResources()), "resources");
    mismatch(offer.getUnits() == request.getUnits(), "units");
    mismatch(offer.getStartMillis() == request.getStartMillis(), "start_millis");
    mismatch(offer.getEndMillis() == request.getEndMillis(), "end_millis");
    if (offer.getPriceMicrosPerUnitHour() > request.getMaxPriceMicrosPerUnitHour()) {
      throw new NegotiateException(NegotiateError.TERMS_MISMATCH, "price "
          + offer.getPriceMicrosPerUnitHour() + " exceeds the request's maximum "
          + request.getMaxPriceMicrosPerUnitHour());
    }
  }

  /**
   * {@code ceil(price * units * durationMillis / 1 h)}.
   *
   * @throws NegotiateException ({@link NegotiateError#MALFORMED}) if it does not fit a long
   */
  static long maxTotal(long pricePerUnitHour, long units, long durationMillis) {
    BigInteger product = BigInteger.valueOf(pricePerUnitHour).multiply(BigInteger.valueOf(units))
        .multiply(BigInteger.valueOf(durationMillis));
    BigInteger[] qr = product.divideAndRemainder(BigInteger.valueOf(HOUR_MILLIS));
    BigInteger total = qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
    if (total.bitLength() > 63) {
      throw malformed("price * units * hours overflows a long");
    }
    return total.longValue();
  }

  static PeerId peer(ByteString bytes, String field) {
    try {
      PeerId id = PeerId.fromBytes(bytes.toByteArray());
      if (id.extractPublicKey().isEmpty()) {
        throw malformed(field + " does not inline its public key");
      }
      return id;
    } catch (NegotiateException e) {
      throw e;
    } catch (RuntimeException e) {
      throw malformed(field + " is not a peer id: " + e.getMessage());
    }
  }

  private static void version(int version) {
    if (version != NegotiateProtocol.SCHEMA_VERSION) {
      throw malformed("version " + version + ", expected " + NegotiateProtocol.SCHEMA_VERSION);
    }
  }

  private static void id(ByteString id, String field) {
    if (id.size() != NegotiateProtocol.ID_LENGTH) {
      throw malformed(field + " has " + id.size() + " bytes, expected "
          + NegotiateProtocol.ID_LENGTH);
    }
  }

  private static void resources(boolean present, ResourceSpec r) {
    if (!present) {
      throw malformed("resources missing");
    }
    if (r.getCpuMillis() == 0 || r.getMemoryMib() == 0) {
      throw malformed("resources need cpu_millis and memory_mib");
    }
  }

  private static void positive(int value, String field) {
    if (value <= 0) {
      throw malformed(field + " must be positive: " + Integer.toUnsignedString(value));
    }
  }

  private static void period(long start, long end, long now) {
    if (start >= end) {
      throw malformed("start_millis is not before end_millis");
    }
    if (end <= now) {
      throw new NegotiateException(NegotiateError.EXPIRED, "the period ended at " + end);
    }
  }

  private static void expiry(long expiresAt, long now, Duration maxLifetime, String what) {
    if (expiresAt <= now) {
      throw new NegotiateException(NegotiateError.EXPIRED,
          what + " expired at " + expiresAt + " ms, now " + now);
    }
    if (expiresAt - now > maxLifetime.toMillis()) {
      throw new NegotiateException(NegotiateError.EXPIRED, what + " valid for "
          + (expiresAt - now) + " ms, more than the allowed " + maxLifetime.toMillis());
    }
  }

  private static void mismatch(boolean ok, String field) {
    if (!ok) {
      throw new NegotiateException(NegotiateError.TERMS_MISMATCH, field + " differs from the request");
    }
  }

  static NegotiateException malformed(String message) {
    return new NegotiateException(NegotiateError.MALFORMED, message);
  }
}
