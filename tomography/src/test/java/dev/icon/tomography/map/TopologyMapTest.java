package dev.icon.tomography.map;

import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TopologyMapTest {

  private final MutableClock clock = new MutableClock();
  private final Instant t0 = clock.instant();
  private final MapConfig config = new MapConfig(1_000, Duration.ofHours(1), Duration.ofMinutes(1));

  private TopologyMap map() {
    return new TopologyMap(config, clock);
  }

  @Test
  void observationsOfOneObserverAccumulateStatistics() {
    TopologyMap m = map();
    m.observe("10.0.0.1", NodeKind.ROUTER, "10.0.0.2", NodeKind.ROUTER, 2.0, "A", t0);
    m.observe("10.0.0.2", NodeKind.ROUTER, "10.0.0.1", NodeKind.ROUTER, 4.0, "A", t0.plusSeconds(1));

    MapEdge e = m.edge("10.0.0.1", "10.0.0.2").orElseThrow();
    assertThat(e.rtt()).isEqualTo(new RttStats(2, 2.0, 3.0, 4.0));
    assertThat(e.lastSeen()).isEqualTo(t0.plusSeconds(1));
  }

  @Test
  void theLaterObservationWinsThenTheLargerObserver() {
    TopologyMap m = map();
    m.merge(edge("x", "y", 5.0, t0, "B"));
    assertThat(m.merge(edge("x", "y", 9.0, t0.minusSeconds(1), "Z"))).isFalse();
    assertThat(m.merge(edge("x", "y", 7.0, t0, "C"))).isTrue();

    assertThat(m.edge("x", "y").orElseThrow().observer()).isEqualTo("C");
  }

  @Test
  void forgedFutureAndStaleEdgesAreRefused() {
    TopologyMap m = map();

    assertThat(m.merge(edge("x", "y", 1, t0.plus(Duration.ofMinutes(2)), "F"))).isFalse();
    assertThat(m.merge(edge("x", "y", 1, t0.minus(Duration.ofHours(2)), "S"))).isFalse();
    assertThat(m.edgeCount()).isZero();
  }

  @Test
  void expiryDropsOldEdgesAndTheNodesLeftWithout() {
    TopologyMap m = map();
    m.observe("a", NodeKind.HOST, "b", NodeKind.ROUTER, 1, "A", t0);
    clock.advance(Duration.ofMinutes(30));
    m.observe("b", NodeKind.ROUTER, "c", NodeKind.HOST, 1, "A", clock.instant());
    clock.advance(Duration.ofMinutes(31));

    assertThat(m.expire(clock.instant())).isEqualTo(1);
    assertThat(m.snapshot().nodes()).containsOnlyKeys("b", "c");
  }

  @Test
  void theSizeBoundDropsTheOldestEdges() {
    TopologyMap m = new TopologyMap(new MapConfig(2, Duration.ofHours(1), Duration.ZERO), clock);
    m.merge(edge("a", "b", 1, t0.minusSeconds(3), "A"));
    m.merge(edge("b", "c", 1, t0.minusSeconds(1), "A"));
    m.merge(edge("c", "d", 1, t0.minusSeconds(2), "A"));

    assertThat(m.snapshot().edges()).extracting(e -> e.key().a() + e.key().b())
        .containsExactly("bc", "cd");
  }

  @Test
  void nodeKindsMergeToTheMostSpecific() {
    TopologyMap m = map();
    m.mergeNode("n", NodeKind.PROVIDER);
    m.mergeNode("n", NodeKind.ROUTER);

    assertThat(m.snapshot().nodes()).containsEntry("n", NodeKind.PROVIDER);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  void mergeIsCommutativeAssociativeAndIdempotent(long seed) {
    Random r = new Random(seed);
    MapSnapshot a = random(r);
    MapSnapshot b = random(r);
    MapSnapshot c = random(r);

    MapSnapshot ab = merged(a, b);
    assertThat(ab).isEqualTo(merged(b, a));
    assertThat(merged(ab, c)).isEqualTo(merged(a, merged(b, c)));
    assertThat(merged(ab, ab)).isEqualTo(ab);
    assertThat(merged(ab, a)).isEqualTo(ab);
  }

  private MapSnapshot merged(MapSnapshot x, MapSnapshot y) {
    TopologyMap m = map();
    m.mergeAll(x);
    m.mergeAll(y);
    return m.snapshot();
  }

  private MapSnapshot random(Random r) {
    TopologyMap m = map();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      ids.add("10.0.0." + i);
    }
    for (int i = 0; i < 30; i++) {
      String x = ids.get(r.nextInt(ids.size()));
      String y = ids.get(r.nextInt(ids.size()));
      if (!x.equals(y)) {
        m.merge(edge(x, y, r.nextInt(50), t0.minusSeconds(r.nextInt(5)), "P" + r.nextInt(3)));
      }
      m.mergeNode(x, NodeKind.values()[r.nextInt(NodeKind.values().length)]);
    }
    return m.snapshot();
  }

  private static MapEdge edge(String x, String y, double rtt, Instant seen, String observer) {
    return new MapEdge(EdgeKey.of(x, y), RttStats.of(rtt), seen, observer);
  }

  @Test
  void listenersHearOfEveryStoredVersionAndNothingElse() {
    TopologyMap m = map();
    List<MapEdge> heard = new ArrayList<>();
    MapListener l = heard::add;
    m.addListener(l);
    m.observe("x", NodeKind.ROUTER, "y", NodeKind.HOST, 1.0, "A", t0);
    m.merge(edge("x", "y", 5.0, t0.minusSeconds(1), "B")); // older: not stored
    m.merge(edge("x", "z", 5.0, t0, "B"));
    m.removeListener(l);
    m.merge(edge("x", "w", 5.0, t0, "B"));

    assertThat(heard).extracting(MapEdge::key).containsExactly(EdgeKey.of("x", "y"),
        EdgeKey.of("x", "z"));
    assertThat(m.kind("y")).contains(NodeKind.HOST);
    assertThat(m.kind("nowhere")).isEmpty();
    assertThat(m.config()).isEqualTo(config);
  }
}
