package dev.icon.tomography.share;

import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.overlay.identity.PeerId;
import dev.icon.testing.MutableClock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RejectionLogTest {

  private final MutableClock clock = new MutableClock();
  private final RejectionLog log = new RejectionLog(clock, Duration.ofMinutes(1), 3);
  private final PeerId mallory = Deltas.newPeer();
  private final PeerId eve = Deltas.newPeer();

  @Test
  void countsEveryRefusalButLogsOncePerReasonAndPeerPerInterval() {
    assertThat(log.record(TopologyShareError.FORGED_OBSERVER, mallory, "x")).isTrue();
    for (int i = 0; i < 100; i++) {
      assertThat(log.record(TopologyShareError.FORGED_OBSERVER, mallory, "x")).isFalse();
    }
    assertThat(log.record(TopologyShareError.FUTURE, mallory, "x")).as("other reason").isTrue();
    assertThat(log.record(TopologyShareError.FORGED_OBSERVER, eve, "x")).as("other peer").isTrue();

    clock.advance(Duration.ofMinutes(1));
    assertThat(log.record(TopologyShareError.FORGED_OBSERVER, mallory, "x")).isTrue();
    assertThat(log.counts()).isEqualTo(Map.of(TopologyShareError.FORGED_OBSERVER, 103L,
        TopologyShareError.FUTURE, 1L));
  }

  @Test
  void manyPeersCannotGrowItWithoutBound() {
    for (int i = 0; i < 50; i++) {
      assertThat(log.record(TopologyShareError.MALFORMED, Deltas.newPeer(), "x")).isTrue();
    }
    assertThat(log.record(TopologyShareError.MALFORMED, null, "unsigned")).isTrue();
    assertThat(log.counts()).containsEntry(TopologyShareError.MALFORMED, 51L);
    assertThat(log.tracked()).isLessThanOrEqualTo(3);
  }
}
