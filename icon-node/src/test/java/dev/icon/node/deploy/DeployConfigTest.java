package dev.icon.node.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link DeployConfig} validation and {@link Backoff}. */
class DeployConfigTest {

  @Test
  void theProfilesAreValidAndToBuilderCopiesEveryField() {
    assertThat(DeployConfig.defaults().chunkSize()).isEqualTo(256 * 1024);
    assertThat(DeployConfig.forTests().toBuilder().build()).isEqualTo(DeployConfig.forTests());
    assertThat(DeployConfig.defaults().maxFrameSize())
        .isEqualTo(1024 * 1024 + DeployProtocol.FRAME_OVERHEAD);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of((UnaryOperator<DeployConfig.Builder>) b -> b.chunkSize(100), "chunkSize"),
        Arguments.of((UnaryOperator<DeployConfig.Builder>) b -> b.minChunkSize(0), "minChunkSize"),
        Arguments.of((UnaryOperator<DeployConfig.Builder>) b -> b.maxChunkSize(64 << 20),
            "maxChunkSize"),
        Arguments.of((UnaryOperator<DeployConfig.Builder>) b -> b.totalQuotaBytes(1),
            "totalQuotaBytes"),
        Arguments.of((UnaryOperator<DeployConfig.Builder>) b -> b.maxArtifactBytes(0),
            "maxArtifactBytes"),
        Arguments.of((UnaryOperator<DeployConfig.Builder>) b -> b.staleAfter(Duration.ZERO),
            "staleAfter"),
        Arguments.of((UnaryOperator<DeployConfig.Builder>) b -> b.maxAttempts(0), "maxAttempts"),
        Arguments.of((UnaryOperator<DeployConfig.Builder>) b -> b.maxBackoff(Duration.ofMillis(1)),
            "maxBackoff"),
        Arguments.of((UnaryOperator<DeployConfig.Builder>) b -> b.maxInFlightChunks(0),
            "maxInFlightChunks"));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void buildNamesTheFieldAtFault(UnaryOperator<DeployConfig.Builder> change, String field) {
    assertThatThrownBy(() -> change.apply(DeployConfig.builder()).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(field);
  }

  static Stream<Arguments> backoffs() {
    return Stream.of(Arguments.of(1, 0), Arguments.of(2, 250), Arguments.of(3, 500),
        Arguments.of(4, 1000), Arguments.of(7, 8000), Arguments.of(8, 10_000),
        Arguments.of(60, 10_000));
  }

  @ParameterizedTest
  @MethodSource("backoffs")
  void backoffDoublesFromTheInitialWaitUpToTheCap(int attempt, long millis) {
    assertThat(Backoff.before(attempt, DeployConfig.defaults()).toMillis()).isEqualTo(millis);
  }
}
