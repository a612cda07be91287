package dev.icon.tomography.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ProbeConfigTest {

  @Test
  void defaultsAreConsistentAndRefuseLoopback() {
    ProbeConfig d = ProbeConfig.defaults();

    assertThat(d.allowLoopback()).isFalse();
    assertThat(d.perTargetBurst()).isGreaterThanOrEqualTo(d.maxCount());
    assertThat(d.perTargetRate()).isLessThanOrEqualTo(1.0);
    assertThat(ProbeConfig.forTests().allowLoopback()).isTrue();
    assertThat(PingConfig.defaults().runTimeout(3)).isEqualTo(Duration.ofMillis(600 + 2000 + 5000));
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of((UnaryOperator<ProbeConfigBuilder>) b -> b.maxTargetsPerRequest(0), "maxTargetsPerRequest"),
        Arguments.of((UnaryOperator<ProbeConfigBuilder>) b -> b.defaultCount(11), "defaultCount"),
        Arguments.of((UnaryOperator<ProbeConfigBuilder>) b -> b.perPeerRate(0), "perPeerRate"),
        Arguments.of((UnaryOperator<ProbeConfigBuilder>) b -> b.perPeerBurst(5), "perPeerBurst"),
        Arguments.of((UnaryOperator<ProbeConfigBuilder>) b -> b.globalBurst(10), "globalBurst"),
        Arguments.of((UnaryOperator<ProbeConfigBuilder>) b -> b.perTargetBurst(9), "perTargetBurst"),
        Arguments.of((UnaryOperator<ProbeConfigBuilder>) b -> b.perTargetRate(Double.NaN), "perTargetRate"),
        Arguments.of((UnaryOperator<ProbeConfigBuilder>) b -> b.maxConcurrentProbes(0), "maxConcurrentProbes"),
        Arguments.of((UnaryOperator<ProbeConfigBuilder>) b -> b.maxRequestBytes(10), "maxRequestBytes"),
        Arguments.of((UnaryOperator<ProbeConfigBuilder>) b -> b.readTimeout(Duration.ZERO), "readTimeout"),
        Arguments.of((UnaryOperator<ProbeConfigBuilder>) b -> b.probeTimeout(Duration.ofSeconds(-1)), "probeTimeout"));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void buildNamesTheFieldAtFault(UnaryOperator<ProbeConfigBuilder> change, String field) {
    assertThatThrownBy(() -> change.apply(ProbeConfig.builder()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("ProbeConfig." + field + " ");
  }

  @Test
  void pingConfigNamesTheFieldAtFault() {
    assertThatThrownBy(() -> PingConfig.builder().interval(Duration.ofMillis(1)).build())
        .hasMessageStartingWith("PingConfig.interval ");
    assertThatThrownBy(() -> PingConfig.builder().binary(" ").build())
        .hasMessageStartingWith("PingConfig.binary ");
    assertThatThrownBy(() -> PingConfig.builder().maxCount(0).build())
        .hasMessageStartingWith("PingConfig.maxCount ");
  }
}
