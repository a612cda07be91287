package dev.icon.bench.gossip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoublePredicate;
import org.junit.jupiter.api.Test;

class RateSearchTest {

  /** The rates tried against a network that sustains exactly the rates {@code ok} accepts. */
  private static List<Double> tried(RateSearch search, DoublePredicate ok) {
    List<Double> rates = new ArrayList<>();
    while (search.active()) {
      double rate = search.nextRate();
      rates.add(rate);
      search.record(ok.test(rate));
    }
    return rates;
  }

  @Test
  void doublesUntilAFailureThenBisectsGeometrically() {
    assertThat(tried(new RateSearch(250, 2, 10, 2), r -> r <= 1200))
        .containsExactly(250.0, 500.0, 1000.0, 2000.0, 1414.0, 1189.0);
  }

  @Test
  void bisectsTowardsTheFailedRateAfterASuccess() {
    assertThat(tried(new RateSearch(250, 2, 10, 2), r -> r <= 1500))
        .containsExactly(250.0, 500.0, 1000.0, 2000.0, 1414.0, 1682.0);
  }

  @Test
  void comesDownFromAStartRateThatFails() {
    assertThat(tried(new RateSearch(1000, 2, 10, 1), r -> r <= 300))
        .containsExactly(1000.0, 500.0, 250.0, 354.0);
  }

  @Test
  void stopsAfterMaxStepsEvenWhileEveryRateIsSustained() {
    assertThat(tried(new RateSearch(100, 2, 3, 2), r -> true)).containsExactly(100.0, 200.0, 400.0);
  }

  @Test
  void stopsWhenNoWholeRateLiesBetweenSustainedAndFailed() {
    assertThat(tried(new RateSearch(1, 2, 10, 5), r -> r <= 1)).containsExactly(1.0, 2.0);
  }
}
