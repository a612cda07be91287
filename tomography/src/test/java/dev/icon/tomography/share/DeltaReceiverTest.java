package dev.icon.tomography.share;

import static dev.icon.tomography.share.Deltas.chain;
import static dev.icon.tomography.share.Deltas.edge;
import static dev.icon.tomography.share.Deltas.frame;
import static dev.icon.tomography.share.Deltas.newPeer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.gossip.api.ValidationResult;
import dev.icon.overlay.identity.PeerId;
import dev.icon.testing.MutableClock;
import dev.icon.tomography.map.MapConfig;
import dev.icon.tomography.map.MapEdge;
import dev.icon.tomography.map.NodeKind;
import dev.icon.tomography.map.TopologyMap;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every kind of bad delta, checked against a real map: refused with its reason, nothing merged. */
class DeltaReceiverTest {

  private final MutableClock clock = new MutableClock();
  private final Instant now = clock.instant();
  private final MapConfig mapConfig =
      new MapConfig(10_000, Duration.ofHours(1), Duration.ofMinutes(1));
  private final TopologyMap map = new TopologyMap(mapConfig, clock);
  private final TopologyDeltaCodec codec = new TopologyDeltaCodec(DeltaLimits.defaults());
  private final DeltaReceiver receiver = new DeltaReceiver(codec, map);
  private final PeerId alice = newPeer();
  private final PeerId mallory = newPeer();

  @Test
  void anHonestDeltaIsMergedWithItsNodeKinds() {
    MapEdge e = edge("192.0.2.1", "192.0.2.2", 4, now, alice);
    TopologyDeltaFrame f = new TopologyDeltaFrame(alice, 1, now, false,
        Map.of("192.0.2.1", NodeKind.HOST, "192.0.2.2", NodeKind.PROVIDER), List.of(e));

    DeltaVerdict v = receiver.receive(alice, codec.encode(f));

    assertThat(v.result()).isEqualTo(ValidationResult.ACCEPT);
    assertThat(v.merged()).isEqualTo(1);
    assertThat(map.edge("192.0.2.1", "192.0.2.2")).contains(e);
    assertThat(map.kind("192.0.2.1")).contains(NodeKind.HOST);
    assertThat(map.kind("192.0.2.2")).contains(NodeKind.PROVIDER);
    assertThat(receiver.receive(alice, codec.encode(f)).merged()).as("idempotent").isZero();
  }

  @Test
  void aDeltaClaimingAnotherObserverIsForged() {
    byte[] forged = codec.encode(frame(alice, now, chain(3, 0, now, alice)));

    assertRefused(receiver.receive(mallory, forged), TopologyShareError.FORGED_OBSERVER);
  }

  @Test
  void anEdgeClaimingAnotherObserverIsForgedAndSpoilsTheWholeDelta() {
    List<MapEdge> edges = new ArrayList<>(chain(3, 0, now, mallory));
    edges.add(edge("192.0.2.1", "192.0.2.2", 1, now, alice));
    byte[] forged = codec.encode(frame(mallory, now, edges));

    assertRefused(receiver.receive(mallory, forged), TopologyShareError.FORGED_EDGE_OBSERVER);
  }

  @Test
  void anUnsignedMessageIsRefused() {
    assertRefused(receiver.receive(null, codec.encode(frame(alice, now, chain(1, 0, now, alice)))),
        TopologyShareError.UNSIGNED);
  }

  @Test
  void hugeDeltasAreRefused() {
    assertRefused(receiver.receive(alice, new byte[DeltaLimits.defaults().maxBytes() + 1]),
        TopologyShareError.OVERSIZED);
    byte[] tooMany = new TopologyDeltaCodec(new DeltaLimits(1 << 20, 2_000, 1_000))
        .encode(frame(alice, now, chain(501, 0, now, alice)));
    assertRefused(receiver.receive(alice, tooMany), TopologyShareError.TOO_MANY_ENTRIES);
  }

  @Test
  void malformedBytesAndIdsAreRefused() {
    assertRefused(receiver.receive(alice, "hello, topology".getBytes()),
        TopologyShareError.MALFORMED);
    byte[] good = codec.encode(frame(alice, now, List.of(edge("10.0.0.1", "10.0.0.2", 1, now,
        alice))));
    byte[] badId = new String(good, java.nio.charset.StandardCharsets.ISO_8859_1)
        .replace("10.0.0.2", "10.0.0.x").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    assertRefused(receiver.receive(alice, badId), TopologyShareError.BAD_NODE_ID);
  }

  @Test
  void edgesFromTheFutureBeyondTheSkewAreRefused() {
    Instant ahead = now.plus(mapConfig.maxFutureSkew()).plusSeconds(1);
    List<MapEdge> edges = new ArrayList<>(chain(3, 0, now, alice));
    edges.add(edge("192.0.2.1", "192.0.2.2", 1, ahead, alice));
    assertRefused(receiver.receive(alice, codec.encode(frame(alice, now, edges))),
        TopologyShareError.FUTURE);
    assertRefused(receiver.receive(alice, codec.encode(frame(alice, ahead,
        chain(3, 0, now, alice)))), TopologyShareError.FUTURE);

    Instant withinSkew = now.plus(mapConfig.maxFutureSkew());
    assertThat(receiver.receive(alice, codec.encode(frame(alice, withinSkew,
        chain(1, 0, withinSkew, alice)))).accepted()).isTrue();
  }

  @Test
  void staleEdgesAreDroppedAndAllStaleIsIgnored() {
    Instant old = now.minus(mapConfig.maxAge()).minusSeconds(1);
    DeltaVerdict allStale = receiver.receive(alice, codec.encode(frame(alice, now,
        chain(5, 0, old, alice))));
    assertRefused(allStale, TopologyShareError.STALE);
    assertThat(allStale.result()).isEqualTo(ValidationResult.IGNORE);

    List<MapEdge> mixed = new ArrayList<>(chain(2, 0, old, alice));
    mixed.add(edge("192.0.2.1", "192.0.2.2", 1, now, alice));
    DeltaVerdict v = receiver.receive(alice, codec.encode(frame(alice, now, mixed)));
    assertThat(v.accepted()).isTrue();
    assertThat(v.merged()).isEqualTo(1);
    assertThat(map.snapshot().edges()).hasSize(1);
    assertThat(map.snapshot().nodes()).containsOnlyKeys("192.0.2.1", "192.0.2.2");
  }

  @Test
  void anEmptyDeltaIsIgnored() {
    DeltaVerdict v = receiver.receive(alice, codec.encode(
        new TopologyDeltaFrame(alice, 1, now, false, Map.of(), List.of())));
    assertRefused(v, TopologyShareError.EMPTY);
    assertThat(v.result()).isEqualTo(ValidationResult.IGNORE);
  }

  private void assertRefused(DeltaVerdict v, TopologyShareError reason) {
    assertThat(v.accepted()).isFalse();
    assertThat(v.reason()).as(v.detail()).isEqualTo(reason);
    assertThat(v.result()).isEqualTo(reason.verdict());
    assertThat(v.detail()).isNotBlank();
    assertThat(v.merged()).isZero();
    if (reason != TopologyShareError.STALE) {
      assertThat(map.edgeCount()).as("nothing merged").isZero();
    }
  }
}
