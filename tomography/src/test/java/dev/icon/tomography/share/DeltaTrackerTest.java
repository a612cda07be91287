package dev.icon.tomography.share;

import static dev.icon.tomography.share.Deltas.edge;
import static dev.icon.tomography.share.Deltas.ip;
import static dev.icon.tomography.share.Deltas.newPeer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.overlay.identity.PeerId;
import dev.icon.testing.MutableClock;
import dev.icon.tomography.map.EdgeKey;
import dev.icon.tomography.map.MapConfig;
import dev.icon.tomography.map.MapEdge;
import dev.icon.tomography.map.NodeKind;
import dev.icon.tomography.map.TopologyMap;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeltaTrackerTest {

  private final MutableClock clock = new MutableClock();
  private final Instant t0 = clock.instant();
  private final TopologyMap map =
      new TopologyMap(new MapConfig(10_000, Duration.ofHours(1), Duration.ofMinutes(1)), clock);
  private final PeerId self = newPeer();
  private final PeerId other = newPeer();
  private final AtomicInteger changes = new AtomicInteger();
  private final DeltaLimits limits = new DeltaLimits(64 * 1024, 12, 10);
  private final DeltaTracker tracker =
      new DeltaTracker(map, self, limits, clock, changes::incrementAndGet);

  @BeforeEach
  void attach() {
    tracker.attach();
  }

  private void observe(int i) {
    map.observe(ip(i), NodeKind.ROUTER, ip(i + 1), NodeKind.HOST, 2, self.toBase58(), clock.instant());
  }

  @Test
  void publishesOnlyWhatChangedSinceTheLastTake() {
    observe(0);
    observe(1);
    assertThat(changes.get()).isEqualTo(2);

    List<TopologyDeltaFrame> first = tracker.takeChanges(8);
    assertThat(first).hasSize(1);
    assertThat(first.get(0).edges()).hasSize(2);
    assertThat(first.get(0).nodes()).containsEntry(ip(2), NodeKind.HOST);
    assertThat(first.get(0).fullState()).isFalse();
    assertThat(tracker.takeChanges(8)).as("nothing changed since").isEmpty();

    clock.advance(Duration.ofSeconds(1));
    observe(1);
    List<TopologyDeltaFrame> second = tracker.takeChanges(8);
    assertThat(second.get(0).edges()).extracting(MapEdge::key)
        .containsExactly(EdgeKey.of(ip(1), ip(2)));
    assertThat(second.get(0).edges().get(0).rtt().count()).isEqualTo(2);
    assertThat(second.get(0).sequence()).isGreaterThan(first.get(0).sequence());
  }

  @Test
  void othersEdgesAreNeverPublishedNorOursOnceAnotherVersionWon() {
    map.merge(edge("192.0.2.1", "192.0.2.2", 1, t0, other));
    observe(0);
    map.merge(edge(ip(0), ip(1), 1, t0.plusSeconds(5), other)); // newer, by someone else

    assertThat(tracker.takeChanges(8)).isEmpty();
    assertThat(changes.get()).isEqualTo(1);
  }

  @Test
  void edgesHeldBeforeAttachingArePublishedAndUnshareableOnesCounted() {
    TopologyMap m = new TopologyMap(MapConfig.defaults(), clock);
    m.observe("192.0.2.1", NodeKind.ROUTER, "192.0.2.2", NodeKind.ROUTER, 1, self.toBase58(), t0);
    m.observe("router-a", NodeKind.ROUTER, "192.0.2.2", NodeKind.ROUTER, 1, self.toBase58(), t0);
    m.observe("192.0.2.3", NodeKind.ROUTER, "192.0.2.2", NodeKind.ROUTER, 1, self.toBase58(),
        t0.plusSeconds(3600)); // a bad local clock
    DeltaTracker t = new DeltaTracker(m, self, limits, clock, changes::incrementAndGet);

    t.attach();

    assertThat(changes.get()).isEqualTo(1);
    List<TopologyDeltaFrame> frames = t.takeChanges(8);
    assertThat(frames.get(0).edges()).extracting(MapEdge::key)
        .containsExactly(EdgeKey.of("192.0.2.1", "192.0.2.2"));
    assertThat(t.unshareable()).isEqualTo(2);
  }

  @Test
  void changesAreChunkedWithinTheLimitsAndBoundedPerRound() {
    for (int i = 0; i < 45; i += 2) { // disjoint edges: two new nodes each
      observe(i);
    }
    List<TopologyDeltaFrame> round = tracker.takeChanges(2);
    assertThat(round).hasSize(2);
    for (TopologyDeltaFrame f : round) {
      assertThat(f.edges().size()).isLessThanOrEqualTo(limits.maxEdges());
      assertThat(f.nodes().size()).isLessThanOrEqualTo(limits.maxNodes());
    }
    assertThat(round.get(0).edges()).hasSize(6); // 12 nodes
    int first = round.stream().mapToInt(f -> f.edges().size()).sum();
    assertThat(first).isEqualTo(12);
    assertThat(tracker.pending()).isEqualTo(23 - 12);
    List<TopologyDeltaFrame> rest = tracker.takeChanges(100);
    assertThat(first + rest.stream().mapToInt(f -> f.edges().size()).sum()).isEqualTo(23);
  }

  @Test
  void aRestoredDeltaIsOfferedAgain() {
    observe(0);
    TopologyDeltaFrame f = tracker.takeChanges(1).get(0);
    tracker.restore(f);
    assertThat(tracker.takeChanges(1).get(0).edges()).isEqualTo(f.edges());
  }

  @Test
  void staleEdgesOfOursAreNotPublished() {
    observe(0);
    tracker.takeChanges(8);
    clock.advance(Duration.ofHours(2));
    assertThat(tracker.nextResend(10)).isEmpty();
  }

  @Test
  void theResendWalksAllOurEdgesInBoundedRoundsThenStartsOver() {
    for (int i = 0; i < 25; i++) {
      observe(i); // a chain: 10 edges per chunk, 11 nodes
    }
    map.merge(edge("192.0.2.1", "192.0.2.2", 1, t0, other));
    Set<EdgeKey> seen = new HashSet<>();
    List<TopologyDeltaFrame> r1 = tracker.nextResend(2);
    List<TopologyDeltaFrame> r2 = tracker.nextResend(2);
    List<TopologyDeltaFrame> r3 = tracker.nextResend(2);
    assertThat(r1).hasSize(2);
    assertThat(r2).hasSizeBetween(1, 2);
    for (List<TopologyDeltaFrame> r : List.of(r1, r2)) {
      r.forEach(f -> {
        assertThat(f.fullState()).isTrue();
        f.edges().forEach(e -> assertThat(seen.add(e.key())).as("sent once per cycle").isTrue());
      });
    }
    assertThat(seen).hasSize(25);
    assertThat(r3.get(0).edges().get(0).key()).as("starts over")
        .isEqualTo(r1.get(0).edges().get(0).key());
  }
}
