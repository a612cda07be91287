package dev.icon.overlay.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HostConfigTest {

  @Test
  void profilesAreValidAndPerfIsOffByDefault() {
    assertThat(HostConfig.defaults().perfEnabled()).isFalse();
    assertThat(HostConfig.defaults().agentVersion()).isEqualTo("icon/" + HostConfig.VERSION);
    assertThat(HostConfig.forTests().eventLoopThreads()).isEqualTo(1);
    assertThat(HostConfig.defaults().toBuilder().build()).isEqualTo(HostConfig.defaults());
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("maxConnections", (UnaryOperator<HostConfig.Builder>) b -> b.maxConnections(0)),
        Arguments.of("maxConnectionsPerPeer", (UnaryOperator<HostConfig.Builder>) b -> b.maxConnectionsPerPeer(0)),
        Arguments.of("lowWatermark", (UnaryOperator<HostConfig.Builder>) b -> b.watermarks(10, 5)),
        Arguments.of("highWatermark", (UnaryOperator<HostConfig.Builder>) b -> b.maxConnections(10).watermarks(5, 11)),
        Arguments.of("idleTimeout", (UnaryOperator<HostConfig.Builder>) b -> b.idleTimeout(Duration.ZERO)),
        Arguments.of("dialTimeout", (UnaryOperator<HostConfig.Builder>) b -> b.dialTimeout(Duration.ofSeconds(-1))),
        Arguments.of("maxStreamsPerConnection", (UnaryOperator<HostConfig.Builder>) b -> b.maxStreamsPerConnection(0)),
        Arguments.of("eventLoopThreads", (UnaryOperator<HostConfig.Builder>) b -> b.eventLoopThreads(-1)),
        Arguments.of("maxPeerStorePeers", (UnaryOperator<HostConfig.Builder>) b -> b.maxPeerStorePeers(0)));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void buildNamesTheBadField(String field, UnaryOperator<HostConfig.Builder> change) {
    assertThatThrownBy(() -> change.apply(HostConfig.builder()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(field);
  }
}
