package dev.icon.tomography.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.proto.icon.probe.ProbeStatus;
import dev.icon.testing.MutableClock;
import dev.icon.tomography.map.ClientPrefixes;
import dev.icon.tomography.map.MapConfig;
import dev.icon.tomography.map.RttEstimate;
import dev.icon.tomography.map.RttEstimator;
import dev.icon.tomography.map.TopologyMap;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeRecorderTest {

  @Test
  void measuredOutcomesBecomeDirectEdgesAndTheRestNothing() throws Exception {
    MutableClock clock = new MutableClock();
    TopologyMap map = new TopologyMap(MapConfig.defaults(), clock);
    InetAddress c1 = InetAddress.getByName("198.51.100.7");
    InetAddress c2 = InetAddress.getByName("203.0.113.9");
    InetAddress c3 = InetAddress.getByName("192.0.2.4");
    List<ProbeOutcome> outcomes = List.of(
        ProbeOutcome.measured(new ProbeMeasurement(c1, 3, List.of(10.0, 12.0, 14.0))),
        ProbeOutcome.measured(new ProbeMeasurement(c2, 3, List.of())),
        ProbeOutcome.refused(c3, ProbeStatus.REFUSED_TARGET_RATE, "rate limit"));

    var taken = ProbeRecorder.record(map, "10.8.0.2", "12D3KooProvider", outcomes,
        ClientPrefixes.defaults(), clock.instant());

    assertThat(taken).hasSize(2).allMatch(e -> e.observer().equals("12D3KooProvider"));
    assertThat(map.edgeCount()).isEqualTo(2);
    assertThat(RttEstimator.forClient(map.snapshot(), "10.8.0.2",
        InetAddress.getByName("198.51.100.200"), ClientPrefixes.defaults(), clock.instant(),
        Duration.ofMinutes(1)))
        .contains(new RttEstimate(12, RttEstimate.Basis.DIRECT, "198.51.100.0/24"));
  }
}
