package dev.icon.market.negotiate;

import dev.icon.proto.icon.negotiate.AgreementTerms;

/**
 * The ICON's decision on an offer that was verified (signature, fields, expiry) and matches its
 * request (peers, resources, units, period, price within the maximum). The seam to the ICON's
 * runtime (budget, utility).
 *
 * <p>Threading: called on a Netty event loop; must be thread-safe and must not block.
 */
@FunctionalInterface
public interface OfferEvaluator {

  /** True to accept and countersign; false declines. */
  boolean accept(AgreementTerms offer);

  /** Accepts every verified, matching offer. */
  static OfferEvaluator acceptAll() {
    return offer -> true;
  }
}
