package dev.icon.tomography.share;

import static dev.icon.tomography.share.SharingNodes.await;
import static dev.icon.tomography.share.SharingNodes.connect;
import static dev.icon.tomography.share.SharingNodes.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.tomography.map.MapEdge;
import dev.icon.tomography.map.NodeKind;
import dev.icon.tomography.map.TopologyMap;
import dev.icon.tomography.share.SharingNodes.Node;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Topology sharing between real overlay hosts on loopback over real gossip: maps learned apart
 * converge to their union on every peer, also on one that joins late, and forged deltas are
 * refused without touching any map.
 */
class TopologySharingTest {

  private final SharingNodes nodes = new SharingNodes();

  @AfterEach
  void close() {
    nodes.close();
  }

  /** {@code n} own observations along a path 10.{net}.0.0 .. 10.{net}.0.n, the last a provider. */
  private static void learnPath(Node node, int net, int n) {
    Instant now = Instant.now();
    for (int i = 0; i < n; i++) {
      node.map().observe("10." + net + ".0." + i, NodeKind.ROUTER, "10." + net + ".0." + (i + 1),
          i == n - 1 ? NodeKind.PROVIDER : NodeKind.ROUTER, 1.5 + i, node.sharing().observer(), now);
    }
  }

  private static void awaitUnion(List<Node> peers, int edges) {
    await().untilAsserted(() -> {
      for (Node p : peers) {
        assertThat(p.map().edgeCount()).as("edges at " + p.id()).isEqualTo(edges);
      }
      for (Node p : peers) {
        assertThat(p.map().snapshot()).isEqualTo(peers.get(0).map().snapshot());
      }
    });
  }

  @Test
  void twoObserversConvergeToTheUnionAndLaterChangesFollowAsDeltas() {
    Node a = nodes.sharing();
    Node b = nodes.sharing();
    learnPath(a, 1, 5);
    learnPath(b, 2, 7);
    // both saw the same first hop; b's later sighting must win on both
    a.map().observe("192.0.2.1", NodeKind.HOST, "10.9.0.1", NodeKind.ROUTER, 3, a.sharing()
        .observer(), Instant.now().minusSeconds(5));
    b.map().observe("192.0.2.1", NodeKind.HOST, "10.9.0.1", NodeKind.ROUTER, 4, b.sharing()
        .observer(), Instant.now());

    connect(a, b);

    awaitUnion(List.of(a, b), 5 + 7 + 1);
    assertThat(a.map().edge("192.0.2.1", "10.9.0.1").orElseThrow().observer())
        .isEqualTo(b.sharing().observer());
    assertThat(a.map().kind("10.2.0.7")).contains(NodeKind.PROVIDER);
    assertThat(b.map().kind("192.0.2.1")).contains(NodeKind.HOST);

    long resentBefore = a.sharing().stats().published();
    a.map().observe("10.1.0.5", NodeKind.PROVIDER, "198.51.100.0/24", NodeKind.CLIENT_PREFIX, 9,
        a.sharing().observer(), Instant.now());
    await().until(() -> b.map().edge("10.1.0.5", "198.51.100.0/24").isPresent());
    assertThat(b.map().kind("198.51.100.0/24")).contains(NodeKind.CLIENT_PREFIX);
    assertThat(a.sharing().stats().published()).isGreaterThan(resentBefore);
    assertThat(a.sharing().stats().refused()).isEmpty();
    assertThat(b.sharing().stats().refused()).isEmpty();
    assertThat(b.sharing().stats().received()).isPositive();
  }

  @Test
  void aPeerJoiningLateConvergesFromTheResend() {
    Node a = nodes.sharing();
    Node b = nodes.sharing();
    learnPath(a, 1, 4);
    learnPath(b, 2, 3);
    connect(a, b);
    awaitUnion(List.of(a, b), 7);

    Node c = nodes.sharing();
    learnPath(c, 3, 2);
    connect(c, b); // c never talks to a directly

    awaitUnion(List.of(a, b, c), 9);
    assertThat(c.map().edge("10.1.0.0", "10.1.0.1").orElseThrow().observer())
        .isEqualTo(a.sharing().observer());
  }

  @Test
  void forgedDeltasAreRefusedAndPoisonNoMap() {
    Node a = nodes.sharing();
    Node b = nodes.sharing();
    Node mallory = nodes.raw();
    learnPath(a, 1, 3);
    connect(a, b);
    connect(mallory, b);
    awaitUnion(List.of(a, b), 3);
    await().until(() -> get(mallory.pubsub().topicPeers(TopologySharingConfig.TOPIC))
        .contains(b.id()));
    TopologyDeltaCodec codec = new TopologyDeltaCodec(DeltaLimits.defaults());
    String topic = TopologySharingConfig.TOPIC;
    Instant now = Instant.now();

    // speaking as a: a lower RTT on a's edge, and a new edge in a's name
    List<MapEdge> asA = List.of(
        new MapEdge(dev.icon.tomography.map.EdgeKey.of("10.1.0.0", "10.1.0.1"),
            dev.icon.tomography.map.RttStats.of(0.01), now, a.sharing().observer()),
        Deltas.edge("10.66.0.1", "10.66.0.2", 1, now, a.id()));
    get(mallory.pubsub().publish(topic, codec.encode(Deltas.frame(a.id(), now, asA))));
    // in its own name, but with an edge of a's among its own
    List<MapEdge> mixed = new ArrayList<>(Deltas.chain(2, 0x4200, now, mallory.id()));
    mixed.add(Deltas.edge("10.66.0.3", "10.66.0.4", 1, now, a.id()));
    get(mallory.pubsub().publish(topic, codec.encode(Deltas.frame(mallory.id(), now, mixed))));
    // from the future, from the distant past, huge, garbage
    get(mallory.pubsub().publish(topic, codec.encode(Deltas.frame(mallory.id(), now,
        Deltas.chain(2, 0x4300, now.plusSeconds(3600), mallory.id())))));
    get(mallory.pubsub().publish(topic, codec.encode(Deltas.frame(mallory.id(), now,
        Deltas.chain(2, 0x4400, now.minusSeconds(3 * 86_400), mallory.id())))));
    get(mallory.pubsub().publish(topic, new byte[DeltaLimits.defaults().maxBytes() + 1]));
    get(mallory.pubsub().publish(topic, "<topology/>".getBytes()));
    // and finally an honest one: once it is merged, every earlier one has been judged
    get(mallory.pubsub().publish(topic, codec.encode(Deltas.frame(mallory.id(), now,
        Deltas.chain(1, 0x4500, now, mallory.id())))));

    await().until(() -> b.map().edge(Deltas.ip(0x4500), Deltas.ip(0x4501)).isPresent());
    SharingStats stats = b.sharing().stats();
    assertThat(stats.refused()).containsAllEntriesOf(Map.of(
        TopologyShareError.FORGED_OBSERVER, 1L, TopologyShareError.FORGED_EDGE_OBSERVER, 1L,
        TopologyShareError.FUTURE, 1L, TopologyShareError.STALE, 1L,
        TopologyShareError.OVERSIZED, 1L, TopologyShareError.MALFORMED, 1L));
    for (TopologyMap m : List.of(a.map(), b.map())) {
      assertThat(m.edge("10.1.0.0", "10.1.0.1").orElseThrow().rtt().minMillis()).isEqualTo(1.5);
      assertThat(m.snapshot().nodes()).doesNotContainKeys("10.66.0.1", "10.66.0.3",
          Deltas.ip(0x4200), Deltas.ip(0x4300), Deltas.ip(0x4400));
    }
    assertThat(a.map().edge(Deltas.ip(0x4500), Deltas.ip(0x4501))).as("b forwarded the honest one")
        .isPresent();
    assertThat(a.sharing().stats().refused()).as("b forwarded none of the bad ones").isEmpty();
  }

  @Test
  void startAndCloseAreIdempotentAndCloseStopsTheRoundsOnAGivenExecutor() {
    Node alone = nodes.raw();
    java.util.concurrent.ScheduledThreadPoolExecutor executor =
        new java.util.concurrent.ScheduledThreadPoolExecutor(1);
    executor.setRemoveOnCancelPolicy(true);
    try {
      TopologySharing s = new TopologySharing(alone.pubsub(), alone.map(),
          TopologySharingConfig.forTests(), executor);
      assertThat(s.start()).isSameAs(s.start());
      assertThat(alone.pubsub().topics()).containsExactly(TopologySharingConfig.TOPIC);
      alone.map().observe("10.0.0.1", NodeKind.ROUTER, "10.0.0.2", NodeKind.ROUTER, 1,
          s.observer(), Instant.now());
      // nobody to send to: gossip refuses, the change is kept and retried every round
      await().until(() -> s.stats().publishFailures() >= 2);
      assertThat(s.stats().published()).isZero();

      s.close();
      s.close();
      assertThat(alone.pubsub().topics()).isEmpty();
      await().until(() -> executor.getQueue().isEmpty());
      assertThat(executor.isShutdown()).as("a given executor is not ours to stop").isFalse();
    } finally {
      executor.shutdownNow();
    }
  }
}
