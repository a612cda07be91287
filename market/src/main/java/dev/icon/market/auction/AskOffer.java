package dev.icon.market.auction;

import dev.icon.proto.icon.resources.ResourceSpec;

/**
 * A provider's ask: up to {@code units} units, each for at least {@code costPerUnit} micro-units.
 *
 * @param unit what one unit is, or {@code null} when unspecified
 */
public record AskOffer(String id, long costPerUnit, long units, ResourceSpec unit)
    implements MarketOffer {

  /** Validates every field ({@link MarketError#MALFORMED}). */
  public AskOffer {
    MarketOffer.check(id, units, "costPerUnit", costPerUnit);
  }

  /** An ask without a unit spec. */
  public static AskOffer of(String id, long costPerUnit, long units) {
    return new AskOffer(id, costPerUnit, units, null);
  }
}
