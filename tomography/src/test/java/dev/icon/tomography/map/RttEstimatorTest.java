package dev.icon.tomography.map;

import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.tomography.testing.MutableClock;
import org.junit.jupiter.api.Test;

class RttEstimatorTest {

  private final MutableClock clock = new MutableClock();
  private final TopologyMap map = new TopologyMap(MapConfig.defaults(), clock);

  @Test
  void addsTheProvidersRttToASharedHopToTheRestOfTheClientsPath() {
    // The client's own trace: client - r1 (2 ms) - r2 (40 ms) - user.
    map.observe("client", NodeKind.HOST, "r1", NodeKind.ROUTER, 2, "A", clock.instant());
    map.observe("r1", NodeKind.ROUTER, "r2", NodeKind.ROUTER, 38, "A", clock.instant());
    map.observe("r2", NodeKind.ROUTER, "user", NodeKind.HOST, 5, "A", clock.instant());
    // The provider's trace, observed by someone else, meets the path at r2.
    map.observe("provider", NodeKind.PROVIDER, "r2", NodeKind.ROUTER, 3, "B", clock.instant());

    assertThat(RttEstimator.estimate(map.snapshot(), "provider", "user")).hasValue(8.0);
    assertThat(RttEstimator.estimate(map.snapshot(), "client", "user")).hasValue(45.0);
    assertThat(RttEstimator.estimate(map.snapshot(), "provider", "client")).hasValue(43.0);
  }

  @Test
  void unconnectedNodesHaveNoEstimate() {
    map.observe("a", NodeKind.HOST, "b", NodeKind.ROUTER, 1, "A", clock.instant());
    map.observe("c", NodeKind.HOST, "d", NodeKind.ROUTER, 1, "A", clock.instant());

    assertThat(RttEstimator.estimate(map.snapshot(), "a", "d")).isEmpty();
    assertThat(RttEstimator.estimate(map.snapshot(), "a", "a")).hasValue(0.0);
  }
}
