package dev.icon.tomography.traceroute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class TracerouteConfigTest {

  @Test
  void defaultsAreValidAndMatchTheDocumentedValues() {
    TracerouteConfig c = TracerouteConfig.defaults();

    assertThat(c.binary()).isEqualTo("traceroute");
    assertThat(c.mode()).isEqualTo(TracerouteMode.UDP);
    assertThat(c.maxHops()).isEqualTo(30);
    assertThat(c.probesPerHop()).isEqualTo(3);
    assertThat(c.firstTtl()).isEqualTo(1);
    assertThat(c.commandPrefix()).isEmpty();
  }

  @Test
  void buildNamesTheFieldAtFault() {
    List<UnaryOperator<TracerouteConfig.Builder>> bad = List.of(
        b -> b.binary(" "), b -> b.maxHops(0), b -> b.maxHops(256), b -> b.probesPerHop(11),
        b -> b.probeWait(Duration.ZERO), b -> b.firstTtl(31), b -> b.runTimeout(Duration.ZERO),
        b -> b.parallelism(0));
    List<String> fields = List.of("binary", "maxHops", "maxHops", "probesPerHop", "probeWait",
        "firstTtl", "runTimeout", "parallelism");
    for (int i = 0; i < bad.size(); i++) {
      UnaryOperator<TracerouteConfig.Builder> op = bad.get(i);
      assertThatThrownBy(() -> op.apply(TracerouteConfig.builder()).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("TracerouteConfig." + fields.get(i) + " ");
    }
  }

  @Test
  void waitIsPassedInSeconds() {
    TracerouteConfig c = TracerouteConfig.builder().probeWait(Duration.ofMillis(1500)).build();

    assertThat(TracerouteCommand.argv(c, "/usr/sbin/traceroute", "10.0.0.1"))
        .containsSequence("-w", "1.5");
  }
}
