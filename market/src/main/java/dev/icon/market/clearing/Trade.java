package dev.icon.market.clearing;

/**
 * One matched pair: bid {@code bid} gets {@code units} units at ask {@code ask}. Prices are per
 * unit in micro-units. With {@link DoubleAuction} both prices are equal (no surplus, no deficit);
 * the record keeps them apart so other mechanisms (trade reduction with a surplus) fit the same
 * result type. Immutable and thread-safe.
 */
public record Trade(String bid, String ask, long units, long buyerPaysPerUnit,
    long sellerGetsPerUnit) {

  public Trade {
    Ids.check("trade bid", bid);
    Ids.check("trade ask", ask);
    if (units < 1) {
      throw new IllegalArgumentException("trade " + bid + "/" + ask + ": units must be >= 1");
    }
    if (sellerGetsPerUnit < 0 || buyerPaysPerUnit < sellerGetsPerUnit) {
      throw new IllegalArgumentException("trade " + bid + "/" + ask
          + ": needs 0 <= seller_gets_per_unit <= buyer_pays_per_unit");
    }
  }
}
