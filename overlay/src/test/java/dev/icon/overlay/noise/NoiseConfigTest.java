package dev.icon.overlay.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class NoiseConfigTest {

  @Test
  void defaultsAreSane() {
    assertThat(NoiseConfig.defaults().handshakeTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(NoiseConfig.forTests().handshakeTimeout()).isLessThan(NoiseConfig.defaults().handshakeTimeout());
    assertThat(NoiseConfig.defaults().random()).isNotNull();
  }

  @Test
  void nonPositiveTimeoutIsRejectedNamingTheField() {
    assertThatThrownBy(() -> NoiseConfig.builder().handshakeTimeout(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("handshakeTimeout");
    assertThatThrownBy(() -> NoiseConfig.builder().random(null).build())
        .isInstanceOf(NullPointerException.class).hasMessageContaining("random");
  }
}
