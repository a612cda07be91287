package dev.icon.market.auction;

import java.util.regex.Pattern;

/**
 * A bid or an ask as its author states it. Immutable. Ids are the author's own, unique per author
 * and round; in a round's clearing they are qualified by the author: {@code <peer id>/<id>}.
 */
public sealed interface MarketOffer permits BidOffer, AskOffer {

  /** Allowed offer ids. */
  Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  /** Largest number of units one offer may carry. */
  long MAX_UNITS = 1_000_000L;
  /** Largest price per unit, micro-units: units times price always fits a long. */
  long MAX_PRICE_PER_UNIT = 1_000_000_000_000L;

  /** The author's id of this offer. */
  String id();

  /** Units offered or wanted, 1..{@value #MAX_UNITS}. */
  long units();

  /** Checks an id, units and a price, throwing {@link MarketError#MALFORMED} naming the field. */
  static void check(String id, long units, String priceField, long price) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new MarketException(MarketError.MALFORMED,
          "offer id must match " + ID.pattern() + ": " + id);
    }
    if (units < 1 || units > MAX_UNITS) {
      throw new MarketException(MarketError.MALFORMED,
          "units must be 1.." + MAX_UNITS + ": " + units);
    }
    if (price < 0 || price > MAX_PRICE_PER_UNIT) {
      throw new MarketException(MarketError.MALFORMED,
          priceField + " must be 0.." + MAX_PRICE_PER_UNIT + ": " + price);
    }
  }
}
