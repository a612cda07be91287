package dev.icon.market.clearing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invariants of every clearing, over many random markets: feasibility, individual rationality,
 * no deficit, order independence and determinism.
 */
class ClearingPropertiesTest {

  static LongStream seeds() {
    return LongStream.range(0, 1000);
  }

  @ParameterizedTest(name = "market {0}")
  @MethodSource("seeds")
  void tradesAreFeasibleAndIndividuallyRational(long seed) {
    RandomMarket m = RandomMarket.of(seed);
    ClearingResult r = m.clear();
    Map<String, Bid> bids = m.bids().stream().collect(Collectors.toMap(Bid::id, b -> b));
    Map<String, Ask> asks = m.asks().stream().collect(Collectors.toMap(Ask::id, a -> a));
    Set<String> buyers = new HashSet<>();
    Map<String, Long> sold = new HashMap<>();
    for (Trade t : r.trades()) {
      Bid b = bids.get(t.bid());
      Ask a = asks.get(t.ask());
      assertThat(b).as("market %d: trade of an unknown bid %s", seed, t).isNotNull();
      assertThat(a).as("market %d: trade at an unknown ask %s", seed, t).isNotNull();
      assertThat(buyers.add(t.bid())).as("market %d: %s trades twice", seed, t.bid()).isTrue();
      assertThat(t.units()).as("market %d: whole bundle", seed).isEqualTo(b.units());
      assertThat(b.accepts(t.ask())).as("market %d: %s accepts %s", seed, b, a).isTrue();
      assertThat(t.buyerPaysPerUnit()).as("market %d: buyer IR", seed)
          .isLessThanOrEqualTo(b.valuePerUnit());
      assertThat(t.sellerGetsPerUnit()).as("market %d: seller IR", seed)
          .isGreaterThanOrEqualTo(a.costPerUnit());
      sold.merge(t.ask(), t.units(), Long::sum);
    }
    sold.forEach((ask, units) -> assertThat(units).as("market %d: capacity of %s", seed, ask)
        .isLessThanOrEqualTo(asks.get(ask).units()));
  }

  @ParameterizedTest(name = "market {0}")
  @MethodSource("seeds")
  void neverRunsADeficit(long seed) {
    ClearingResult r = RandomMarket.of(seed).clear();
    long paid = r.trades().stream().mapToLong(t -> t.buyerPaysPerUnit() * t.units()).sum();
    long received = r.trades().stream().mapToLong(t -> t.sellerGetsPerUnit() * t.units()).sum();

    assertThat(paid).isGreaterThanOrEqualTo(received);
  }

  @ParameterizedTest(name = "market {0}")
  @MethodSource("seeds")
  void theOrderOfTheInputDoesNotMatter(long seed) {
    RandomMarket m = RandomMarket.of(seed);
    ClearingResult expected = m.clear();
    Random r = new Random(seed);
    for (int k = 0; k < 5; k++) {
      List<Bid> bids = new ArrayList<>(m.bids());
      List<Ask> asks = new ArrayList<>(m.asks());
      Collections.shuffle(bids, r);
      Collections.shuffle(asks, r);
      assertThat(m.auction().clear(bids, asks)).as("market %d, shuffle %d", seed, k)
          .isEqualTo(expected);
    }
  }

  @ParameterizedTest(name = "market {0}")
  @MethodSource("seeds")
  void isDeterministic(long seed) {
    RandomMarket m = RandomMarket.of(seed);

    assertThat(new DoubleAuction(m.salt()).clear(m.bids(), m.asks()))
        .isEqualTo(RandomMarket.of(seed).clear())
        .extracting(ClearingResult::mechanism).isEqualTo(DoubleAuction.MECHANISM);
  }

  @ParameterizedTest(name = "market {0}")
  @MethodSource("seeds")
  void theMechanismExcludesNoOne(long seed) {
    assertThat(RandomMarket.of(seed).clear().excluded()).isEmpty();
  }
}
