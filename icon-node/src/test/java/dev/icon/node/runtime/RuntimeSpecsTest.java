package dev.icon.node.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.icon.proto.icon.resources.ResourceSpec;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Validation of the runtime's specs and config: each bad value names its field. */
class RuntimeSpecsTest {

  private static final ImageRef IMAGE = new ImageRef("counter:1", "a".repeat(64));

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("name", (Supplier<Object>) () -> WorkloadSpec.builder("Bad_Name").command("x").build()),
        Arguments.of("name", (Supplier<Object>) () -> WorkloadSpec.builder("a".repeat(64)).command("x").build()),
        Arguments.of("command", (Supplier<Object>) () -> WorkloadSpec.builder("svc").build()),
        Arguments.of("env", (Supplier<Object>) () -> WorkloadSpec.builder("svc").image(IMAGE).env("1X", "v").build()),
        Arguments.of("servicePort", (Supplier<Object>) () -> WorkloadSpec.builder("svc").image(IMAGE).servicePort(0).build()),
        Arguments.of("servicePort", (Supplier<Object>) () -> WorkloadSpec.builder("svc").image(IMAGE).servicePort(65536).build()),
        Arguments.of("statePath", (Supplier<Object>) () -> WorkloadSpec.builder("svc").image(IMAGE).statePath("state").build()),
        Arguments.of("statePath", (Supplier<Object>) () -> WorkloadSpec.builder("svc").image(IMAGE).statePath("/").build()),
        Arguments.of("statePath", (Supplier<Object>) () -> WorkloadSpec.builder("svc").image(IMAGE).statePath("/a/../etc").build()),
        Arguments.of("cpuMillis", (Supplier<Object>) () -> new ResourceLimits(0, 64, 0, 1)),
        Arguments.of("memoryMiB", (Supplier<Object>) () -> new ResourceLimits(100, 3, 0, 1)),
        Arguments.of("diskMiB", (Supplier<Object>) () -> new ResourceLimits(100, 64, -1, 1)),
        Arguments.of("pids", (Supplier<Object>) () -> new ResourceLimits(100, 64, 0, 0)),
        Arguments.of("path", (Supplier<Object>) () -> HealthCheck.http("health")),
        Arguments.of("path", (Supplier<Object>) () -> new HealthCheck(HealthCheck.Kind.TCP, "/x", Duration.ofSeconds(1), Duration.ofSeconds(1), 1)),
        Arguments.of("interval", (Supplier<Object>) () -> new HealthCheck(HealthCheck.Kind.TCP, null, Duration.ZERO, Duration.ofSeconds(1), 1)),
        Arguments.of("timeout", (Supplier<Object>) () -> new HealthCheck(HealthCheck.Kind.TCP, null, Duration.ofSeconds(1), Duration.ofSeconds(-1), 1)),
        Arguments.of("retries", (Supplier<Object>) () -> new HealthCheck(HealthCheck.Kind.TCP, null, Duration.ofSeconds(1), Duration.ofSeconds(1), 0)),
        Arguments.of("sha256", (Supplier<Object>) () -> new ImageRef("x", "abc")),
        Arguments.of("name", (Supplier<Object>) () -> new ImageRef(" ", "a".repeat(64))),
        Arguments.of("dockerHost", (Supplier<Object>) () -> RuntimeConfig.builder().dockerHost("/var/run/docker.sock").build()),
        Arguments.of("publishAddress", (Supplier<Object>) () -> RuntimeConfig.builder().publishAddress("").build()),
        Arguments.of("stopTimeout", (Supplier<Object>) () -> RuntimeConfig.builder().stopTimeout(Duration.ZERO).build()),
        Arguments.of("engineTimeout", (Supplier<Object>) () -> RuntimeConfig.builder().engineTimeout(Duration.ofMillis(-1)).build()),
        Arguments.of("scope", (Supplier<Object>) () -> RuntimeConfig.builder().scope("a b").build()),
        Arguments.of("labels", (Supplier<Object>) () -> RuntimeConfig.builder().label("dev.icon.scope", "x").build()),
        Arguments.of("logLines", (Supplier<Object>) () -> RuntimeConfig.builder().logLines(0).build()));
  }

  @ParameterizedTest(name = "{0} #{index}")
  @MethodSource("invalid")
  void invalidValuesNameTheirField(String field, Supplier<Object> build) {
    assertThatThrownBy(build::get).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(field + ":");
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    RuntimeConfig c = RuntimeConfig.defaults();
    assertThat(c.dockerHost()).isEqualTo("unix:///var/run/docker.sock");
    assertThat(c.publishAddress()).isEqualTo("127.0.0.1");
    assertThat(c.stopTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(c.engineTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(c.scope()).isEqualTo("default");
    assertThat(c.logLines()).isEqualTo(200);
    assertThat(c.processRoot()).isNull();
    assertThat(c.removeOnClose()).isTrue();

    WorkloadSpec s = WorkloadSpec.builder("svc").image(IMAGE).build();
    assertThat(s.servicePort()).isEqualTo(8080);
    assertThat(s.statePath()).isEqualTo("/state");
    assertThat(s.readOnlyRootFs()).isTrue();
    assertThat(s.healthCheck()).isNull();
    assertThat(s.limits()).isEqualTo(new ResourceLimits(500, 64, 0, 64));
  }

  @Test
  void specsAreImmutableAndRoundTripThroughTheirBuilder() {
    List<String> command = new java.util.ArrayList<>(List.of("run"));
    WorkloadSpec s = WorkloadSpec.builder("svc").command(command).env("A", "1")
        .healthCheck(HealthCheck.tcp()).build();
    command.add("more");
    assertThat(s.command()).containsExactly("run");
    assertThatThrownBy(() -> s.env().put("B", "2")).isInstanceOf(UnsupportedOperationException.class);
    assertThat(s.toBuilder().build()).isEqualTo(s);
  }

  @Test
  void imageRefAcceptsTheEnginesPrefixedId() {
    assertThat(new ImageRef("x:1", "sha256:" + "b".repeat(64)).sha256()).isEqualTo("b".repeat(64));
  }

  @Test
  void limitsComeFromAnAgreementsResourceSpec() {
    assertThat(ResourceLimits.from(ResourceSpec.newBuilder().setCpuMillis(250).setMemoryMib(128).setDiskMib(10).build()))
        .isEqualTo(new ResourceLimits(250, 128, 10, 64));
    assertThat(ResourceLimits.from(ResourceSpec.getDefaultInstance())).isEqualTo(ResourceLimits.defaults());
  }
}
