package dev.icon.market.clearing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One half of the split market trading at a posted price it cannot influence. Bids that value a
 * unit at the price or more and asks whose cost is at most the price are willing; willing bids
 * take their turn in priority order (salted hash, never the reported numbers) and each takes the
 * first willing ask in priority order that it accepts and that still has room for its whole
 * bundle. Stateless; one call allocates one half.
 */
final class HalfMarket {

  private HalfMarket() {}

  /**
   * @param bids this half's bids, in priority order
   * @param asks this half's asks, in priority order
   * @param price the posted unit price, from the other half
   */
  static List<Trade> allocate(List<Bid> bids, List<Ask> asks, long price) {
    List<Ask> willing = new ArrayList<>();
    for (Ask a : asks) {
      if (a.costPerUnit() <= price) {
        willing.add(a);
      }
    }
    long[] room = new long[willing.size()];
    Map<String, Integer> index = new HashMap<>(willing.size() * 2);
    for (int k = 0; k < willing.size(); k++) {
      room[k] = willing.get(k).units();
      index.put(willing.get(k).id(), k);
    }
    List<Trade> trades = new ArrayList<>();
    int firstOpen = 0; // every ask before it is full
    for (Bid b : bids) {
      if (b.valuePerUnit() < price) {
        continue;
      }
      long q = b.units();
      int chosen = -1;
      if (b.accept().isEmpty()) {
        while (firstOpen < room.length && room[firstOpen] == 0) {
          firstOpen++;
        }
        for (int k = firstOpen; k < room.length; k++) {
          if (room[k] >= q) {
            chosen = k;
            break;
          }
        }
      } else {
        for (String id : b.accept()) {
          Integer k = index.get(id);
          if (k != null && room[k] >= q && (chosen < 0 || k < chosen)) {
            chosen = k;
          }
        }
      }
      if (chosen >= 0) {
        room[chosen] -= q;
        trades.add(new Trade(b.id(), willing.get(chosen).id(), q, price, price));
      }
    }
    return trades;
  }
}
