package dev.icon.market.negotiate;

import dev.icon.overlay.identity.PeerId;
import dev.icon.proto.icon.negotiate.AgreementTerms;
import dev.icon.proto.icon.negotiate.RequestTerms;

/**
 * The provider's side of the bargain: what to offer for a verified request, and whether to commit
 * once the consumer accepted. The seam to capacity and pricing ({@link CapacityOfferPolicy} is a
 * simple one).
 *
 * <p>Threading: called on a Netty event loop, possibly from several streams at once; must be
 * thread-safe and must not block.
 */
public interface OfferPolicy {

  /** A price to offer, or a reason to decline. */
  record Quote(long priceMicrosPerUnitHour, String declineReason) {

    /** Offer at {@code price} micro-units per unit and hour. */
    public static Quote price(long priceMicrosPerUnitHour) {
      if (priceMicrosPerUnitHour < 0) {
        throw new IllegalArgumentException("price must not be negative: " + priceMicrosPerUnitHour);
      }
      return new Quote(priceMicrosPerUnitHour, null);
    }

    /** Decline, saying why (sent to the consumer). */
    public static Quote decline(String reason) {
      return new Quote(-1, reason == null ? "declined" : reason);
    }

    /** True when this quote declines. */
    public boolean declined() {
      return declineReason != null;
    }
  }

  /**
   * Quotes a request whose signature, peers, fields and freshness were verified. A price above the
   * request's maximum makes the negotiation end with {@link NegotiateError#DECLINED}.
   */
  Quote quote(PeerId consumer, RequestTerms request);

  /**
   * The consumer accepted {@code terms}: reserve the capacity. False declines (the agreement is
   * neither stored nor sent). Called at most once per offer.
   */
  boolean commit(AgreementTerms terms);

  /** A committed agreement could not be concluded (e.g. the store failed): free its capacity. */
  default void release(AgreementTerms terms) {}
}
