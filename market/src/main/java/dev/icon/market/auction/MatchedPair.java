package dev.icon.market.auction;

import dev.icon.market.clearing.Trade;
import dev.icon.overlay.identity.PeerId;
import java.util.Objects;

/**
 * A trade of a cleared round with both parties: the starting point of their bilateral agreement
 * over {@code /icon/negotiate/1.0.0} (not made here).
 */
public record MatchedPair(long round, Trade trade, PeerId bidder, PeerId provider) {

  /** Rejects nulls. */
  public MatchedPair {
    Objects.requireNonNull(trade, "trade");
    Objects.requireNonNull(bidder, "bidder");
    Objects.requireNonNull(provider, "provider");
  }

  /** Whether {@code peer} is the buyer or the provider. */
  public boolean involves(PeerId peer) {
    return bidder.equals(peer) || provider.equals(peer);
  }
}
