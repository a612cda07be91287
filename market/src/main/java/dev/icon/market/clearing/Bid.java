package dev.icon.market.clearing;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.Collections;

/**
 * A buyer's sealed bid as revealed: {@code units} units, all at ONE ask (a service runs in one
 * place), worth {@code valuePerUnit} micro-units each to the bidder.
 *
 * <p>The bundle is indivisible: the bidder gets all {@code units} at one ask or nothing.
 * {@code accept} names the asks the bidder can use (for example providers near its users); an
 * empty set means any ask. Ids in {@code accept} that name no ask of the round simply never match
 * (see {@link DoubleAuction}). Immutable and thread-safe; {@code accept} is copied into a sorted,
 * unmodifiable set.
 *
 * @param id unique id of this bid within a round (1..{@value Ids#MAX_LENGTH} chars)
 * @param bidder who bids (an ICON's peer id); not interpreted by the clearing
 * @param valuePerUnit value of one unit in micro-units (1e-6 of the currency), {@code >= 0}
 * @param units size of the indivisible bundle, {@code >= 1}
 * @param accept acceptable ask ids, empty for any ask
 */
public record Bid(String id, String bidder, long valuePerUnit, long units, Set<String> accept) {

  public Bid {
    Ids.check("bid id", id);
    Ids.check("bid " + id + ": bidder", bidder);
    if (valuePerUnit < 0) {
      throw new IllegalArgumentException("bid " + id + ": value_per_unit must be >= 0, got "
          + valuePerUnit);
    }
    if (units < 1) {
      throw new IllegalArgumentException("bid " + id + ": units must be >= 1, got " + units);
    }
    Objects.requireNonNull(accept, "bid " + id + ": accept (use an empty set for any ask)");
    TreeSet<String> copy = new TreeSet<>();
    for (String a : accept) {
      Ids.check("bid " + id + ": accept entry", a);
      copy.add(a);
    }
    accept = Collections.unmodifiableSortedSet(copy);
  }

  /** A bid that accepts any ask. */
  public static Bid any(String id, String bidder, long valuePerUnit, long units) {
    return new Bid(id, bidder, valuePerUnit, units, Set.of());
  }

  /** Whether this bid may trade at the ask with id {@code askId}. */
  public boolean accepts(String askId) {
    return accept.isEmpty() || accept.contains(askId);
  }
}
