package dev.icon.market.clearing;

/**
 * A provider's sealed ask as revealed: up to {@code units} units, each costing the provider
 * {@code costPerUnit} micro-units. One ask may serve several bids as long as their units fit.
 * Immutable and thread-safe.
 *
 * @param id unique id of this ask within a round (1..{@value Ids#MAX_LENGTH} chars)
 * @param provider who asks (a provider's peer id); not interpreted by the clearing
 * @param costPerUnit cost of one unit in micro-units (1e-6 of the currency), {@code >= 0}
 * @param units capacity, {@code >= 1}
 */
public record Ask(String id, String provider, long costPerUnit, long units) {

  public Ask {
    Ids.check("ask id", id);
    Ids.check("ask " + id + ": provider", provider);
    if (costPerUnit < 0) {
      throw new IllegalArgumentException("ask " + id + ": cost_per_unit must be >= 0, got "
          + costPerUnit);
    }
    if (units < 1) {
      throw new IllegalArgumentException("ask " + id + ": units must be >= 1, got " + units);
    }
  }
}
