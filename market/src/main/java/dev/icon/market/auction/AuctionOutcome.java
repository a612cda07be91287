package dev.icon.market.auction;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link ClearingFunction} returns: the trades in the mechanism's (deterministic) order,
 * the qualified ids of offers the mechanism left out, and the mechanism's name. Immutable.
 */
public record AuctionOutcome(List<AuctionTrade> trades, List<String> excluded, String mechanism) {

  /** Copies the lists and rejects nulls. */
  public AuctionOutcome {
    trades = List.copyOf(trades);
    excluded = List.copyOf(excluded);
    Objects.requireNonNull(mechanism, "mechanism");
  }
}
