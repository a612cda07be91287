package dev.icon.overlay.kad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link KadConfig}: spec defaults and invariants that name their field. */
class KadConfigTest {

  @Test
  void defaultsAreTheSpecValues() {
    KadConfig c = KadConfig.defaults();
    assertThat(c.k()).isEqualTo(20);
    assertThat(c.alpha()).isEqualTo(3);
    assertThat(c.providerValidity()).isEqualTo(Duration.ofHours(48));
    assertThat(c.providerRepublishInterval()).isEqualTo(Duration.ofHours(22));
    assertThat(c.refreshInterval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(c.minConnections()).as("off, as in go and js-libp2p").isZero();
  }

  @Test
  void forTestsKeepsKAndShortensDurations() {
    KadConfig c = KadConfig.forTests();
    assertThat(c.k()).isEqualTo(20);
    assertThat(c.providerValidity()).isLessThan(Duration.ofHours(1));
    assertThat(c.toBuilder().build()).isEqualTo(c);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("k", (UnaryOperator<KadConfig.Builder>) b -> b.k(0)),
        Arguments.of("alpha", (UnaryOperator<KadConfig.Builder>) b -> b.alpha(0)),
        Arguments.of("alpha must be at most k", (UnaryOperator<KadConfig.Builder>) b -> b.alpha(21)),
        Arguments.of("requestTimeout",
            (UnaryOperator<KadConfig.Builder>) b -> b.requestTimeout(Duration.ZERO)),
        Arguments.of("maxRecordSize must be at most maxMessageSize",
            (UnaryOperator<KadConfig.Builder>) b -> b.maxMessageSize(100).maxRecordSize(200)),
        Arguments.of("maxRecords", (UnaryOperator<KadConfig.Builder>) b -> b.maxRecords(0)),
        Arguments.of("maxRecordAge",
            (UnaryOperator<KadConfig.Builder>) b -> b.maxRecordAge(Duration.ZERO)),
        Arguments.of("maxCloserPeersPerResponse",
            (UnaryOperator<KadConfig.Builder>) b -> b.maxCloserPeersPerResponse(19)),
        Arguments.of("providerRepublishInterval must be shorter",
            (UnaryOperator<KadConfig.Builder>) b -> b.providerRepublishInterval(Duration.ofDays(3))),
        Arguments.of("maxProvidersPerKey must be at most maxProviderRecords",
            (UnaryOperator<KadConfig.Builder>) b -> b.maxProviderRecords(10)),
        Arguments.of("maxProviderAddrs", (UnaryOperator<KadConfig.Builder>) b -> b.maxProviderAddrs(-1)),
        Arguments.of("refreshInterval",
            (UnaryOperator<KadConfig.Builder>) b -> b.refreshInterval(Duration.ofSeconds(-1))),
        Arguments.of("maxRefreshCpl", (UnaryOperator<KadConfig.Builder>) b -> b.maxRefreshCpl(21)),
        Arguments.of("minConnections", (UnaryOperator<KadConfig.Builder>) b -> b.minConnections(-1)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void invalidValuesNameTheirField(String field, UnaryOperator<KadConfig.Builder> change) {
    assertThatThrownBy(() -> change.apply(KadConfig.builder()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(field);
  }
}
