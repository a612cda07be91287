package dev.icon.market.clearing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No bid or ask gains by misreporting, over many random markets: every value or cost from 0 to
 * past the top of the range, every bundle size from 1 to two past the truth, accept sets narrowed,
 * widened and replaced by "any", capacities under-reported. Utility is measured with the TRUE
 * type: a buyer's service runs only with its whole bundle at an ask it truly accepts.
 */
class TruthfulnessTest {

  static LongStream seeds() {
    return LongStream.range(0, 400);
  }

  static LongStream mediumSeeds() {
    return LongStream.range(10_000, 10_040);
  }

  @ParameterizedTest(name = "market {0}")
  @MethodSource("seeds")
  void noBidGainsByMisreporting(long seed) {
    noBidGains(RandomMarket.of(seed));
  }

  @ParameterizedTest(name = "market {0}")
  @MethodSource("seeds")
  void noAskGainsByMisreporting(long seed) {
    noAskGains(RandomMarket.of(seed));
  }

  /** Markets of 10-30 bids and 3-10 asks: longer queues, more interaction between bundles. */
  @ParameterizedTest(name = "market {0}")
  @MethodSource("mediumSeeds")
  void noAgentGainsByMisreportingInMediumMarkets(long seed) {
    RandomMarket m = RandomMarket.of(seed, 10, 30, 3, 10);
    noBidGains(m);
    noAskGains(m);
  }

  private static void noBidGains(RandomMarket m) {
    long seed = m.seed();
    for (int i = 0; i < m.bids().size(); i++) {
      Bid truth = m.bids().get(i);
      long honest = buyerUtility(truth, m.auction().clear(m.bids(), m.asks()));
      for (Bid lie : misreports(truth, m.asks())) {
        long u = buyerUtility(truth, m.auction().clear(m.withBid(i, lie), m.asks()));
        assertThat(u).as("market %d: %s reporting %s instead of %s", seed, truth.id(), lie, truth)
            .isLessThanOrEqualTo(honest);
      }
    }
  }

  private static void noAskGains(RandomMarket m) {
    long seed = m.seed();
    for (int i = 0; i < m.asks().size(); i++) {
      Ask truth = m.asks().get(i);
      long honest = sellerUtility(truth, m.auction().clear(m.bids(), m.asks()));
      for (long cost = 0; cost <= RandomMarket.MAX_PRICE + 2; cost++) {
        for (long units = 1; units <= truth.units(); units++) {
          Ask lie = new Ask(truth.id(), truth.provider(), cost, units);
          long u = sellerUtility(truth, m.auction().clear(m.bids(), m.withAsk(i, lie)));
          assertThat(u).as("market %d: %s reporting %s instead of %s", seed, truth.id(), lie,
              truth).isLessThanOrEqualTo(honest);
        }
      }
    }
  }

  private static List<Bid> misreports(Bid truth, List<Ask> asks) {
    List<Set<String>> accepts = new ArrayList<>();
    accepts.add(Set.of());
    accepts.add(truth.accept());
    for (Ask a : asks) {
      Set<String> wider = new TreeSet<>(truth.accept());
      wider.add(a.id());
      accepts.add(wider);
      accepts.add(Set.of(a.id()));
    }
    for (String id : truth.accept()) {
      Set<String> narrower = new TreeSet<>(truth.accept());
      narrower.remove(id);
      if (!narrower.isEmpty()) {
        accepts.add(narrower);
      }
    }
    Set<Bid> out = new LinkedHashSet<>();
    for (long v = 0; v <= RandomMarket.MAX_PRICE + 2; v++) {
      for (long q = 1; q <= truth.units() + 2; q++) {
        out.add(new Bid(truth.id(), truth.bidder(), v, q, truth.accept()));
      }
    }
    for (Set<String> accept : accepts) {
      for (long v : new long[] {0, truth.valuePerUnit(), RandomMarket.MAX_PRICE + 2}) {
        out.add(new Bid(truth.id(), truth.bidder(), v, truth.units(), accept));
      }
    }
    out.remove(truth);
    return List.copyOf(out);
  }

  /** Value of the service if it runs (whole true bundle at a truly acceptable ask) minus pay. */
  static long buyerUtility(Bid truth, ClearingResult r) {
    long u = 0;
    for (Trade t : r.trades()) {
      if (t.bid().equals(truth.id())) {
        boolean runs = t.units() >= truth.units() && truth.accepts(t.ask());
        u += (runs ? truth.valuePerUnit() * truth.units() : 0) - t.buyerPaysPerUnit() * t.units();
      }
    }
    return u;
  }

  /** What the ask is paid minus its true cost of the units it sold. */
  static long sellerUtility(Ask truth, ClearingResult r) {
    long u = 0;
    for (Trade t : r.trades()) {
      if (t.ask().equals(truth.id())) {
        u += (t.sellerGetsPerUnit() - truth.costPerUnit()) * t.units();
      }
    }
    return u;
  }
}
