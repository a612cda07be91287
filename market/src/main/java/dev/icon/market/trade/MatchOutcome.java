package dev.icon.market.trade;

import dev.icon.market.auction.MatchedPair;
import dev.icon.market.negotiate.SignedAgreement;
import java.util.Objects;

/**
 * How one matched pair ended on the buyer's side: the dual-signed agreement, or why none was
 * reached after {@code attempts} tries.
 *
 * @param agreement the agreement (stored by the controller), or null on failure
 * @param failure why the trade was not concluded (last try's reason), or null on success
 */
public record MatchOutcome(MatchedPair pair, SignedAgreement agreement, String failure,
    int attempts) {

  /** Exactly one of agreement and failure. */
  public MatchOutcome {
    Objects.requireNonNull(pair, "pair");
    if ((agreement == null) == (failure == null)) {
      throw new IllegalArgumentException("exactly one of agreement and failure");
    }
  }

  /** True when the agreement was reached. */
  public boolean concluded() {
    return agreement != null;
  }
}
