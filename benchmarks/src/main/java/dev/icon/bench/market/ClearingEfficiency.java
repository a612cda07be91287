package dev.icon.bench.market;

import dev.icon.market.clearing.Ask;
import dev.icon.market.clearing.Bid;
import dev.icon.market.clearing.ClearingResult;
import dev.icon.market.clearing.DoubleAuction;
import dev.icon.market.clearing.Trade;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How much of the gains from trade the clearing realizes on the benchmark's market (several
 * seeds): the welfare of its trades (value minus cost) over an upper bound on the optimum, the
 * competitive welfare of the unit curves with bundles and accept sets ignored. Prints one line per
 * seed. Run: {@code java -cp "benchmarks/target/classes:benchmarks/target/lib/*"
 * dev.icon.bench.market.ClearingEfficiency [bids] [asks] [seeds] [any]}; with
 * {@code any} every bid accepts any ask (the same markets without accept sets).
 */
public final class ClearingEfficiency {

  private ClearingEfficiency() {}

  public static void main(String[] args) {
    int bids = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int asks = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    int seeds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    boolean anyOnly = args.length > 3 && args[3].equals("any");
    for (int seed = 0; seed < seeds; seed++) {
      ClearingBenchmark.Market m = ClearingBenchmark.Market.random(new Random(seed), bids, asks);
      if (anyOnly) {
        m = new ClearingBenchmark.Market(m.bids().stream()
            .map(b -> Bid.any(b.id(), b.bidder(), b.valuePerUnit(), b.units())).toList(), m.asks());
      }
      ClearingResult r = new DoubleAuction("seed-" + seed).clear(m.bids(), m.asks());
      Map<String, Bid> b = m.bids().stream().collect(Collectors.toMap(Bid::id, Function.identity()));
      Map<String, Ask> a = m.asks().stream().collect(Collectors.toMap(Ask::id, Function.identity()));
      long welfare = 0;
      long units = 0;
      for (Trade t : r.trades()) {
        welfare += (b.get(t.bid()).valuePerUnit() - a.get(t.ask()).costPerUnit()) * t.units();
        units += t.units();
      }
      long bound = upperBound(m.bids(), m.asks());
      long greedy = greedy(m.bids(), m.asks());
      System.out.printf("seed %d: %d trades, %d units, welfare %.1f; greedy by value (not"
          + " truthful) %.1f; bound %.1f; ratio to greedy %.1f%%, to bound %.1f%%%n", seed,
          r.trades().size(), units, welfare / 1e6, greedy / 1e6, bound / 1e6,
          100.0 * welfare / greedy, 100.0 * welfare / bound);
    }
  }

  /**
   * Welfare of a constrained but not truthful allocation: bids by value, highest first, each to
   * the cheapest acceptable ask with room and cost at most its value.
   */
  static long greedy(List<Bid> bids, List<Ask> asks) {
    List<Bid> bs = new ArrayList<>(bids);
    bs.sort(Comparator.comparingLong(Bid::valuePerUnit).reversed());
    List<Ask> as = new ArrayList<>(asks);
    as.sort(Comparator.comparingLong(Ask::costPerUnit));
    Map<String, Integer> index = new java.util.HashMap<>();
    long[] room = new long[as.size()];
    for (int k = 0; k < as.size(); k++) {
      index.put(as.get(k).id(), k);
      room[k] = as.get(k).units();
    }
    long welfare = 0;
    for (Bid b : bs) {
      int chosen = -1;
      if (b.accept().isEmpty()) {
        for (int k = 0; k < as.size(); k++) {
          if (room[k] >= b.units()) {
            chosen = k;
            break;
          }
        }
      } else {
        for (String id : b.accept()) {
          Integer k = index.get(id);
          if (k != null && room[k] >= b.units() && (chosen < 0 || k < chosen)) {
            chosen = k;
          }
        }
      }
      if (chosen >= 0 && as.get(chosen).costPerUnit() <= b.valuePerUnit()) {
        room[chosen] -= b.units();
        welfare += b.units() * (b.valuePerUnit() - as.get(chosen).costPerUnit());
      }
    }
    return welfare;
  }

  /** Competitive welfare of the unit demand and supply curves (no bundles, no accept sets). */
  static long upperBound(List<Bid> bids, List<Ask> asks) {
    List<Bid> bs = new ArrayList<>(bids);
    bs.sort(Comparator.comparingLong(Bid::valuePerUnit).reversed());
    List<Ask> as = new ArrayList<>(asks);
    as.sort(Comparator.comparingLong(Ask::costPerUnit));
    long welfare = 0;
    int i = 0;
    int j = 0;
    long leftB = bs.isEmpty() ? 0 : bs.get(0).units();
    long leftA = as.isEmpty() ? 0 : as.get(0).units();
    while (i < bs.size() && j < as.size()
        && bs.get(i).valuePerUnit() >= as.get(j).costPerUnit()) {
      long t = Math.min(leftB, leftA);
      welfare += t * (bs.get(i).valuePerUnit() - as.get(j).costPerUnit());
      leftB -= t;
      leftA -= t;
      if (leftB == 0 && ++i < bs.size()) {
        leftB = bs.get(i).units();
      }
      if (leftA == 0 && ++j < as.size()) {
        leftA = as.get(j).units();
      }
    }
    return welfare;
  }
}
