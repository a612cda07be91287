package dev.icon.market.auction;

import java.util.Objects;

/**
 * One matched pair of a clearing: {@code units} units of ask {@code ask} go to bid {@code bid}; the
 * buyer pays and the seller gets the stated micro-units per unit (the difference, if any, is the
 * mechanism's surplus). Ids are qualified offer ids.
 */
public record AuctionTrade(String bid, String ask, long units, long buyerPaysPerUnit,
    long sellerGetsPerUnit) {

  /** Rejects nulls and non-positive units or negative prices. */
  public AuctionTrade {
    Objects.requireNonNull(bid, "bid");
    Objects.requireNonNull(ask, "ask");
    if (units < 1 || buyerPaysPerUnit < 0 || sellerGetsPerUnit < 0) {
      throw new IllegalArgumentException("units must be >= 1 and prices >= 0: " + units + ", "
          + buyerPaysPerUnit + ", " + sellerGetsPerUnit);
    }
  }
}
