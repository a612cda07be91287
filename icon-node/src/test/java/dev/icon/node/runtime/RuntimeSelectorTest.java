package dev.icon.node.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.node.runtime.docker.DockerRuntime;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without an engine answering, the selector falls back to local processes, quickly. */
class RuntimeSelectorTest {

  @TempDir Path tmp;

  @Test
  void noEngineAtTheSocketMeansTheProcessRuntime() {
    RuntimeConfig config = RuntimeConfig.builder()
        .dockerHost("unix://" + tmp.resolve("no-such-docker.sock")).engineTimeout(Duration.ofMillis(500))
        .processRoot(tmp.resolve("root")).build();
    long start = System.nanoTime();
    assertThat(DockerRuntime.available(config)).isFalse();
    try (ContainerRuntime runtime = RuntimeSelector.select(config)) {
      assertThat(runtime.kind()).isEqualTo("process");
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void dockerRuntimeWithoutAnEngineIsEngineUnavailable() {
    RuntimeConfig config = RuntimeConfig.builder()
        .dockerHost("unix://" + tmp.resolve("absent.sock")).engineTimeout(Duration.ofMillis(500)).build();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DockerRuntime(config))
        .isInstanceOfSatisfying(ContainerRuntimeException.class,
            e -> assertThat(e.error()).isEqualTo(ContainerRuntimeError.ENGINE_UNAVAILABLE));
  }

  @Test
  void anEngineThatAnswersThePingButFailsToConnectStillFallsBack() {
    RuntimeConfig config = RuntimeConfig.builder()
        .dockerHost("unix://" + tmp.resolve("gone.sock")).processRoot(tmp.resolve("root")).build();
    try (ContainerRuntime runtime = RuntimeSelector.select(config, c -> true)) {
      assertThat(runtime.kind()).isEqualTo("process");
    }
  }
}
