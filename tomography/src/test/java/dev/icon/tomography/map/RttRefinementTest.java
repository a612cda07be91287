package dev.icon.tomography.map;

import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.testing.MutableClock;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link RttEstimator#refined} and {@link RttEstimator#forClient} with {@link ProbeEdges}. */
class RttRefinementTest {

  private static final Duration FRESH = Duration.ofMinutes(10);
  private final MutableClock clock = new MutableClock();
  private final TopologyMap map = new TopologyMap(MapConfig.defaults(), clock);
  private final ClientPrefixes prefixes = ClientPrefixes.defaults();

  @BeforeEach
  void paths() {
    // The provider 10.8.0.2 sits behind r1; the client 10.3.0.2 is three routers away.
    ProviderEdges.attach(map, "10.8.0.2", "10.1.0.1", 1, "P", clock.instant());
    map.observe("10.1.0.1", NodeKind.ROUTER, "10.2.0.1", NodeKind.ROUTER, 10, "A", clock.instant());
    map.observe("10.2.0.1", NodeKind.ROUTER, "10.3.0.1", NodeKind.ROUTER, 10, "A", clock.instant());
    map.observe("10.3.0.1", NodeKind.ROUTER, "10.3.0.2", NodeKind.HOST, 2, "A", clock.instant());
    map.observe("10.3.0.1", NodeKind.ROUTER, "10.3.0.0/24", NodeKind.CLIENT_PREFIX, 2, "A",
        clock.instant());
  }

  @Test
  void withoutAProbeTheEstimateIsComposedFromPaths() {
    assertThat(RttEstimator.refined(map.snapshot(), "10.8.0.2", "10.3.0.2", clock.instant(), FRESH))
        .contains(new RttEstimate(23, RttEstimate.Basis.COMPOSED, "10.3.0.2"));
  }

  @Test
  void aFreshProbeWinsOverTheComposedEstimateEvenWhenLarger() throws Exception {
    ProbeEdges.record(map, "10.8.0.2", InetAddress.getByName("10.3.0.2"),
        new RttStats(3, 40, 41, 43), prefixes, "P", clock.instant());

    assertThat(RttEstimator.refined(map.snapshot(), "10.8.0.2", "10.3.0.2", clock.instant(), FRESH))
        .contains(new RttEstimate(41, RttEstimate.Basis.DIRECT, "10.3.0.2"));
    assertThat(RttEstimator.refined(map.snapshot(), "10.8.0.2", "10.3.0.0/24", clock.instant(),
        FRESH)).contains(new RttEstimate(41, RttEstimate.Basis.DIRECT, "10.3.0.0/24"));
    assertThat(map.snapshot().nodes()).containsEntry("10.8.0.2", NodeKind.PROVIDER)
        .containsEntry("10.3.0.0/24", NodeKind.CLIENT_PREFIX);
    assertThat(map.edge("10.8.0.2", "10.3.0.2").get().observer()).isEqualTo("P");
  }

  @Test
  void aStaleProbeGivesWayToThePathsAgain() throws Exception {
    ProbeEdges.record(map, "10.8.0.2", InetAddress.getByName("10.3.0.2"),
        new RttStats(3, 40, 41, 43), prefixes, "P", clock.instant());
    clock.advance(FRESH.plusSeconds(1));

    assertThat(RttEstimator.refined(map.snapshot(), "10.8.0.2", "10.3.0.2", clock.instant(), FRESH))
        .contains(new RttEstimate(23, RttEstimate.Basis.COMPOSED, "10.3.0.2"));
  }

  @Test
  void aClientNotInTheMapIsEstimatedThroughItsPrefix() throws Exception {
    InetAddress neighbour = InetAddress.getByName("10.3.0.77");

    assertThat(RttEstimator.forClient(map.snapshot(), "10.8.0.2", neighbour, prefixes,
        clock.instant(), FRESH))
        .contains(new RttEstimate(23, RttEstimate.Basis.COMPOSED, "10.3.0.0/24"));

    ProbeEdges.record(map, "10.8.0.2", InetAddress.getByName("10.3.0.2"),
        new RttStats(1, 30, 30, 30), prefixes, "P", clock.instant());
    assertThat(RttEstimator.forClient(map.snapshot(), "10.8.0.2", neighbour, prefixes,
        clock.instant(), FRESH))
        .contains(new RttEstimate(30, RttEstimate.Basis.DIRECT, "10.3.0.0/24"));
    assertThat(RttEstimator.forClient(map.snapshot(), "10.8.0.2",
        InetAddress.getByName("10.4.0.1"), prefixes, clock.instant(), FRESH)).isEmpty();
  }

  @Test
  void prefixNodesAreNeverCrossed() {
    // A second client prefix edge to another router must not become a shortcut.
    map.observe("10.1.0.1", NodeKind.ROUTER, "10.3.0.0/24", NodeKind.CLIENT_PREFIX, 1, "B",
        clock.instant());

    assertThat(RttEstimator.estimate(map.snapshot(), "10.8.0.2", "10.3.0.2")).hasValue(23.0);
    assertThat(RttEstimator.estimate(map.snapshot(), "10.8.0.2", "10.3.0.0/24")).hasValue(2.0);
  }
}
