package dev.icon.market.auction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MarketConfigTest {

  @Test
  void defaultsAreConsistentAndRoundTripThroughTheBuilder() {
    MarketConfig d = MarketConfig.defaults();
    assertThat(d.topic()).isEqualTo("/icon/market/1");
    assertThat(d.commitWindow().plus(d.revealWindow())).isLessThan(d.period());
    assertThat(d.toBuilder().build()).isEqualTo(d);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("marketId", (UnaryOperator<MarketConfig.Builder>) b -> b.marketId("")),
        Arguments.of("topic", (UnaryOperator<MarketConfig.Builder>) b -> b.topic("")),
        Arguments.of("period", (UnaryOperator<MarketConfig.Builder>) b -> b.period(Duration.ZERO)),
        Arguments.of("commitWindow",
            (UnaryOperator<MarketConfig.Builder>) b -> b.commitWindow(Duration.ofSeconds(-1))),
        Arguments.of("revealWindow",
            (UnaryOperator<MarketConfig.Builder>) b -> b.revealWindow(Duration.ZERO)),
        Arguments.of("commitWindow + revealWindow",
            (UnaryOperator<MarketConfig.Builder>) b -> b.period(Duration.ofSeconds(40))),
        Arguments.of("maxMessageBytes",
            (UnaryOperator<MarketConfig.Builder>) b -> b.maxMessageBytes(100)),
        Arguments.of("maxOffersPerAuthor",
            (UnaryOperator<MarketConfig.Builder>) b -> b.maxOffersPerAuthor(0)),
        Arguments.of("maxOffersPerRound",
            (UnaryOperator<MarketConfig.Builder>) b -> b.maxOffersPerRound(10)),
        Arguments.of("retainedRounds",
            (UnaryOperator<MarketConfig.Builder>) b -> b.retainedRounds(0)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void invalidFieldsAreNamed(String field, UnaryOperator<MarketConfig.Builder> change) {
    assertThatThrownBy(() -> change.apply(MarketConfig.builder()).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(field);
  }

  @Test
  void roundsAlignToThePeriodSinceTheEpoch() {
    RoundSchedule s = new RoundSchedule(MarketConfig.defaults());
    Instant t = Instant.parse("2026-11-28T12:00:59.999Z");
    long n = s.roundAt(t);
    assertThat(s.start(n)).isEqualTo(Instant.parse("2026-11-28T12:00:00Z"));
    assertThat(s.roundAt(t.plusMillis(1))).isEqualTo(n + 1);
    assertThat(s.commitEnd(n)).isEqualTo(Instant.parse("2026-11-28T12:00:20Z"));
    assertThat(s.revealEnd(n)).isEqualTo(Instant.parse("2026-11-28T12:00:40Z"));
    assertThat(s.phase(n, t)).isEqualTo(RoundPhase.CLEARING);
  }
}
