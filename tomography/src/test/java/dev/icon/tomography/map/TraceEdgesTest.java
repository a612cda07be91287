package dev.icon.tomography.map;

import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.tomography.discovery.DiscoveredHop;
import dev.icon.tomography.discovery.TargetReport;
import dev.icon.tomography.testing.MutableClock;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TraceEdgesTest {

  @Test
  void linksConsecutiveHopsBridgingSilentOnesWithRttDifferences() throws Exception {
    MutableClock clock = new MutableClock();
    TopologyMap m = new TopologyMap(MapConfig.defaults(), clock);
    TargetReport r = new TargetReport("10.3.0.2", List.of(
        hop(1, "10.1.0.2", 1.0), new DiscoveredHop(2, null, Double.NaN, null),
        hop(3, "10.2.0.2", 5.0), hop(3, "10.4.0.2", 6.0), hop(4, "10.3.0.2", 4.5)),
        List.of(), List.of(), Optional.empty());

    TraceEdges.record(m, r, "10.1.0.1", "peerA", clock.instant());

    assertThat(m.snapshot().edges()).extracting(e -> e.key().a() + "-" + e.key().b() + "="
        + e.rtt().meanMillis()).containsExactly("10.1.0.1-10.1.0.2=1.0",
            "10.1.0.2-10.2.0.2=4.0", "10.1.0.2-10.4.0.2=5.0", "10.2.0.2-10.3.0.2=0.0",
            "10.3.0.2-10.4.0.2=0.0");
    assertThat(m.snapshot().nodes()).containsEntry("10.3.0.2", NodeKind.HOST)
        .containsEntry("10.2.0.2", NodeKind.ROUTER).containsEntry("10.1.0.1", NodeKind.HOST);
    assertThat(m.snapshot().edges()).allMatch(e -> e.observer().equals("peerA"));
  }

  private static DiscoveredHop hop(int ttl, String ip, double rtt) throws Exception {
    return new DiscoveredHop(ttl, InetAddress.getByName(ip), rtt, null);
  }
}
