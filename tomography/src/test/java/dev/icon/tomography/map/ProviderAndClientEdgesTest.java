package dev.icon.tomography.map;

import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.testing.MutableClock;
import dev.icon.tomography.discovery.DiscoveredHop;
import dev.icon.tomography.discovery.TargetReport;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link ProviderEdges} and {@link ClientPrefixEdges}. */
class ProviderAndClientEdgesTest {

  private final MutableClock clock = new MutableClock();
  private final TopologyMap map = new TopologyMap(MapConfig.defaults(), clock);

  private static DiscoveredHop hop(int ttl, String ip, double rtt) throws Exception {
    return new DiscoveredHop(ttl, InetAddress.getByName(ip), rtt, null);
  }

  private static TargetReport report(String target, DiscoveredHop... hops) {
    return new TargetReport(target, List.of(hops), List.of(), List.of(), Optional.empty());
  }

  @Test
  void aProvidersOwnTraceHangsItOffItsFirstRouter() throws Exception {
    ProviderEdges.fromOwnTrace(map, report("10.9.0.5", hop(1, "10.8.0.1", 1.5),
        hop(2, "10.9.0.5", 3.0)), "10.8.0.2", "P", clock.instant());

    assertThat(map.snapshot().nodes()).containsEntry("10.8.0.2", NodeKind.PROVIDER)
        .containsEntry("10.8.0.1", NodeKind.ROUTER);
    assertThat(map.edge("10.8.0.2", "10.8.0.1").get().rtt().meanMillis()).isEqualTo(1.5);
  }

  @Test
  void aConfiguredProviderIsAttachedToItsRouter() {
    ProviderEdges.attach(map, "10.8.0.2", "10.8.0.1", 0.4, "P", clock.instant());

    assertThat(map.snapshot().nodes()).containsEntry("10.8.0.2", NodeKind.PROVIDER);
    assertThat(map.edge("10.8.0.1", "10.8.0.2")).isPresent();
  }

  @Test
  void aTracedClientsPrefixHangsOffItsUpstreamHop() throws Exception {
    TargetReport r = report("10.3.0.2", hop(1, "10.1.0.2", 1.0),
        new DiscoveredHop(2, null, Double.NaN, null), hop(3, "10.2.0.2", 5.0),
        hop(4, "10.3.0.2", 7.5));

    Optional<String> prefix = ClientPrefixEdges.fromTrace(map, r, "10.1.0.1",
        ClientPrefixes.defaults(), "A", clock.instant());

    assertThat(prefix).contains("10.3.0.0/24");
    assertThat(map.snapshot().nodes()).containsEntry("10.3.0.0/24", NodeKind.CLIENT_PREFIX);
    assertThat(map.edge("10.2.0.2", "10.3.0.0/24").get().rtt().meanMillis()).isEqualTo(2.5);
  }

  @Test
  void aClientOneHopAwayHangsItsPrefixOffTheTracesSource() throws Exception {
    Optional<String> prefix = ClientPrefixEdges.fromTrace(map,
        report("2001:db8:5:1::7", hop(1, "2001:db8:5:1::7", 0.8)), "2001:db8:9::1",
        new ClientPrefixes(24, 56), "A", clock.instant());

    assertThat(prefix).contains("2001:db8:5:0:0:0:0:0/56");
    assertThat(map.edge("2001:db8:9::1", "2001:db8:5:0:0:0:0:0/56")).isPresent();
  }

  @Test
  void aTraceThatDidNotReachItsClientAddsNoPrefix() throws Exception {
    TargetReport stopped = report("10.3.0.2", hop(1, "10.1.0.2", 1.0), hop(2, "10.2.0.2", 5.0),
        new DiscoveredHop(3, null, Double.NaN, null));

    assertThat(ClientPrefixEdges.fromTrace(map, stopped, "10.1.0.1", ClientPrefixes.defaults(),
        "A", clock.instant())).isEmpty();
    assertThat(ClientPrefixEdges.fromTrace(map, report("10.3.0.2"), "10.1.0.1",
        ClientPrefixes.defaults(), "A", clock.instant())).isEmpty();
    assertThat(map.edgeCount()).isZero();
  }
}
