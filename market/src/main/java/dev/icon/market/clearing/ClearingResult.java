package dev.icon.market.clearing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The outcome of one clearing: the trades, the ids excluded from the round (by the mechanism, or
 * by the round protocol: non-revealers, reveals that do not match their commit), and the name of
 * the mechanism that produced it. Immutable and thread-safe; lists are copied. Two results are
 * equal when their trades (in order), excluded ids and mechanism are equal, so peers can compare
 * their clearings with {@link #equals}.
 *
 * @param trades in canonical order (by bid id)
 * @param excluded sorted, without duplicates
 * @param mechanism the mechanism's name and version, e.g. {@link DoubleAuction#MECHANISM}
 */
public record ClearingResult(List<Trade> trades, List<String> excluded, String mechanism) {

  public ClearingResult {
    trades = List.copyOf(trades);
    excluded = List.copyOf(new TreeSet<>(excluded));
    Objects.requireNonNull(mechanism, "mechanism");
  }

  /** This result with {@code more} ids added to {@link #excluded} (kept sorted and unique). */
  public ClearingResult withExcluded(java.util.Collection<String> more) {
    List<String> all = new ArrayList<>(excluded);
    all.addAll(more);
    return new ClearingResult(trades, all, mechanism);
  }
}
