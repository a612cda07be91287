package dev.icon.tomography.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TopologySharingConfigTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    TopologySharingConfig c = TopologySharingConfig.defaults();
    assertThat(c.topic()).isEqualTo("/icon/topology/1");
    assertThat(c.limits()).isEqualTo(new DeltaLimits(256 * 1024, 1_000, 500));
    assertThat(c.debounce()).isEqualTo(Duration.ofSeconds(1));
    assertThat(c.resendInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(c.resendChunksPerRound()).isEqualTo(4);
  }

  @Test
  void everyFieldIsCheckedAndNamed() {
    assertThatThrownBy(() -> TopologySharingConfig.builder().topic("").build())
        .hasMessageContaining("TopologySharingConfig.topic");
    assertThatThrownBy(() -> TopologySharingConfig.builder().limits(null).build())
        .hasMessageContaining("TopologySharingConfig.limits");
    assertThatThrownBy(() -> TopologySharingConfig.builder().debounce(Duration.ZERO).build())
        .hasMessageContaining("TopologySharingConfig.debounce");
    assertThatThrownBy(() -> TopologySharingConfig.builder()
        .publishInterval(Duration.ofSeconds(-1)).build())
        .hasMessageContaining("TopologySharingConfig.publishInterval");
    assertThatThrownBy(() -> TopologySharingConfig.builder().maxDeltasPerRound(0).build())
        .hasMessageContaining("TopologySharingConfig.maxDeltasPerRound");
    assertThatThrownBy(() -> TopologySharingConfig.builder().resendInterval(null).build())
        .hasMessageContaining("TopologySharingConfig.resendInterval");
    assertThatThrownBy(() -> TopologySharingConfig.builder().resendChunksPerRound(0).build())
        .hasMessageContaining("TopologySharingConfig.resendChunksPerRound");
    assertThatThrownBy(() -> TopologySharingConfig.builder().logInterval(Duration.ZERO).build())
        .hasMessageContaining("TopologySharingConfig.logInterval");
    assertThatThrownBy(() -> TopologySharingConfig.builder().maxPendingMerges(0).build())
        .hasMessageContaining("TopologySharingConfig.maxPendingMerges");
  }
}
