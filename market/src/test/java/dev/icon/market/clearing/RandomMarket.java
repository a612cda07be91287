package dev.icon.market.clearing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A random market for the property tests, reproducible from its seed: by default 2-9 bids, 2-6 asks,
 * prices 0-20, bundles of 1-3 units, capacities of 1-5, half the bids restricted to a random
 * subset of the asks (sometimes naming an unknown ask), and a salt of its own so the split
 * differs from market to market.
 */
record RandomMarket(long seed, String salt, List<Bid> bids, List<Ask> asks) {

  static final int MAX_PRICE = 20;

  static RandomMarket of(long seed) {
    return of(seed, 2, 9, 2, 6);
  }

  /** A market of {@code minBids..maxBids} bids and {@code minAsks..maxAsks} asks. */
  static RandomMarket of(long seed, int minBids, int maxBids, int minAsks, int maxAsks) {
    Random r = new Random(seed);
    int nb = minBids + r.nextInt(maxBids - minBids + 1);
    int na = minAsks + r.nextInt(maxAsks - minAsks + 1);
    List<Ask> asks = new ArrayList<>();
    for (int i = 0; i < na; i++) {
      asks.add(new Ask("a" + i, "p" + r.nextInt(3), r.nextInt(MAX_PRICE + 1), 1 + r.nextInt(5)));
    }
    List<Bid> bids = new ArrayList<>();
    for (int i = 0; i < nb; i++) {
      Set<String> accept = new TreeSet<>();
      if (r.nextBoolean()) {
        for (Ask a : asks) {
          if (r.nextInt(3) > 0) {
            accept.add(a.id());
          }
        }
        if (accept.isEmpty() || r.nextInt(8) == 0) {
          accept.add("gone" + i);
        }
      }
      bids.add(new Bid("b" + i, "i" + r.nextInt(4), r.nextInt(MAX_PRICE + 1), 1 + r.nextInt(3),
          accept));
    }
    return new RandomMarket(seed, "seed-" + seed, List.copyOf(bids), List.copyOf(asks));
  }

  DoubleAuction auction() {
    return new DoubleAuction(salt);
  }

  ClearingResult clear() {
    return auction().clear(bids, asks);
  }

  /** This market with bid {@code i} replaced. */
  List<Bid> withBid(int i, Bid b) {
    List<Bid> out = new ArrayList<>(bids);
    out.set(i, b);
    return out;
  }

  /** This market with ask {@code i} replaced. */
  List<Ask> withAsk(int i, Ask a) {
    List<Ask> out = new ArrayList<>(asks);
    out.set(i, a);
    return out;
  }
}
