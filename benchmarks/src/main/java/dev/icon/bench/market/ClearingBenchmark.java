package dev.icon.bench.market;

import dev.icon.market.clearing.Ask;
import dev.icon.market.clearing.Bid;
import dev.icon.market.clearing.ClearingResult;
import dev.icon.market.clearing.DoubleAuction;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 7's "clearing time for 10,000 bids and 1,000 asks": one {@link DoubleAuction#clear} of a
 * random market of that size (fixed seed). Bids: 1-8 units at 0.5-2.0 per unit, half for any ask,
 * half restricted to 1-20 random asks. Asks: 20-200 units at 0.5-1.5 per unit. Single-threaded,
 * as every peer of a round runs it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ClearingBenchmark {

  @Param("10000")
  int bids;

  @Param("1000")
  int asks;

  private List<Bid> bidList;
  private List<Ask> askList;
  private final DoubleAuction auction = new DoubleAuction("bench-round");

  @Setup
  public void setUp() {
    Market m = Market.random(new Random(42), bids, asks);
    bidList = m.bids();
    askList = m.asks();
  }

  @Benchmark
  public ClearingResult clear() {
    return auction.clear(bidList, askList);
  }

  /** A random market of the benchmark's shape. */
  record Market(List<Bid> bids, List<Ask> asks) {

    static Market random(Random r, int bids, int asks) {
      List<Ask> askList = new ArrayList<>(asks);
      for (int i = 0; i < asks; i++) {
        askList.add(new Ask("ask-" + i, "provider-" + (i % 300),
            500_000 + r.nextInt(1_000_001), 20 + r.nextInt(181)));
      }
      List<Bid> bidList = new ArrayList<>(bids);
      for (int i = 0; i < bids; i++) {
        Set<String> accept = new TreeSet<>();
        if (r.nextBoolean()) {
          int n = 1 + r.nextInt(20);
          while (accept.size() < n) {
            accept.add("ask-" + r.nextInt(asks));
          }
        }
        bidList.add(new Bid("bid-" + i, "icon-" + (i % 3000), 500_000 + r.nextInt(1_500_001),
            1 + r.nextInt(8), accept));
      }
      return new Market(List.copyOf(bidList), List.copyOf(askList));
    }
  }
}
