package dev.icon.market.clearing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/**
 * The competitive (Walrasian) unit price of one half of the market, ignoring bundles and
 * accept sets: the middle of the interval of prices at which that half's unit demand meets its
 * unit supply. Used only as the posted price of the OTHER half. Stateless.
 *
 * <p>Units are the unit curves: a bid of q units at v is q unit-demands of v, an ask of k units at
 * c is k unit-supplies of c. With demand values b1 >= b2 >= ... and supply costs s1 <= s2 <= ...,
 * let n be the largest index with b_n >= s_n. Any price in
 * [max(s_n, b_n+1), min(b_n, s_n+1)] clears the half; the result is its midpoint, rounded down.
 * No unit crossing (n = 0: no bids, no asks, or every bid below every ask) gives no price.
 */
final class ReferencePrice {

  private ReferencePrice() {}

  static OptionalLong of(List<Bid> bids, List<Ask> asks) {
    List<Bid> b = new ArrayList<>(bids);
    b.sort(Comparator.comparingLong(Bid::valuePerUnit).reversed());
    List<Ask> a = new ArrayList<>(asks);
    a.sort(Comparator.comparingLong(Ask::costPerUnit));
    int i = 0;
    int j = 0;
    long leftB = b.isEmpty() ? 0 : b.get(0).units();
    long leftA = a.isEmpty() ? 0 : a.get(0).units();
    long lastB = -1;
    long lastS = -1;
    while (i < b.size() && j < a.size() && b.get(i).valuePerUnit() >= a.get(j).costPerUnit()) {
      long t = Math.min(leftB, leftA);
      lastB = b.get(i).valuePerUnit();
      lastS = a.get(j).costPerUnit();
      leftB -= t;
      leftA -= t;
      if (leftB == 0 && ++i < b.size()) {
        leftB = b.get(i).units();
      }
      if (leftA == 0 && ++j < a.size()) {
        leftA = a.get(j).units();
      }
    }
    if (lastB < 0) {
      return OptionalLong.empty();
    }
    long lo = i < b.size() ? Math.max(lastS, b.get(i).valuePerUnit()) : lastS;
    long hi = j < a.size() ? Math.min(lastB, a.get(j).costPerUnit()) : lastB;
    return OptionalLong.of(lo + (hi - lo) / 2);
  }
}
