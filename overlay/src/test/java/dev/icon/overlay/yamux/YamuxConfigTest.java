package dev.icon.overlay.yamux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class YamuxConfigTest {

  @Test
  void defaultsFollowTheSpecAndTheDocumentedValues() {
    YamuxConfig c = YamuxConfig.defaults();
    assertThat(c.initialStreamWindow()).isEqualTo(256 * 1024);
    assertThat(c.maxStreamWindow()).isEqualTo(16 * 1024 * 1024);
    assertThat(c.ackBacklog()).isEqualTo(256);
    assertThat(c.maxStreams()).isEqualTo(1000);
    assertThat(c.toBuilder().build()).isEqualTo(c);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of((UnaryOperator<YamuxConfig.Builder>) b -> b.initialStreamWindow(1024),
            "initialStreamWindow"),
        Arguments.of((UnaryOperator<YamuxConfig.Builder>) b -> b.maxStreamWindow(1024),
            "maxStreamWindow"),
        Arguments.of((UnaryOperator<YamuxConfig.Builder>) b -> b.maxStreams(0), "maxStreams"),
        Arguments.of((UnaryOperator<YamuxConfig.Builder>) b -> b.ackBacklog(0), "ackBacklog"),
        Arguments.of((UnaryOperator<YamuxConfig.Builder>) b -> b.maxSendFrame(0), "maxSendFrame"),
        Arguments.of((UnaryOperator<YamuxConfig.Builder>) b -> b.maxStreamRejections(-1),
            "maxStreamRejections"),
        Arguments.of((UnaryOperator<YamuxConfig.Builder>) b -> b.keepAliveInterval(
            Duration.ofSeconds(-1)), "keepAliveInterval"),
        Arguments.of((UnaryOperator<YamuxConfig.Builder>) b -> b.pingTimeout(Duration.ZERO),
            "pingTimeout"),
        Arguments.of((UnaryOperator<YamuxConfig.Builder>) b -> b.streamCloseTimeout(Duration.ZERO),
            "streamCloseTimeout"),
        Arguments.of((UnaryOperator<YamuxConfig.Builder>) b -> b.goAwayTimeout(Duration.ZERO),
            "goAwayTimeout"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("invalid")
  void buildNamesTheFieldAtFault(UnaryOperator<YamuxConfig.Builder> change, String field) {
    assertThatThrownBy(() -> change.apply(YamuxConfig.builder()).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(field);
  }
}
