package dev.icon.tomography.share;

import static dev.icon.tomography.share.Deltas.chain;
import static dev.icon.tomography.share.Deltas.edge;
import static dev.icon.tomography.share.Deltas.frame;
import static dev.icon.tomography.share.Deltas.newPeer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.icon.overlay.identity.PeerId;
import dev.icon.proto.icon.topology.TopologyDelta;
import dev.icon.tomography.map.EdgeKey;
import dev.icon.tomography.map.MapEdge;
import dev.icon.tomography.map.NodeKind;
import dev.icon.tomography.map.RttStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopologyDeltaCodecTest {

  private final TopologyDeltaCodec codec = new TopologyDeltaCodec(DeltaLimits.defaults());
  private final PeerId observer = newPeer();
  private final Instant t0 = Instant.parse("2026-11-28T10:15:30.123456789Z");

  @Test
  void roundTripKeepsEveryFieldToTheNanosecond() {
    PeerId other = newPeer();
    Map<String, NodeKind> nodes = new LinkedHashMap<>();
    nodes.put("192.0.2.1", NodeKind.HOST);
    nodes.put("2001:db8:0:0:0:0:0:1", NodeKind.ROUTER);
    nodes.put("198.51.100.0/24", NodeKind.CLIENT_PREFIX);
    nodes.put(other.toBase58(), NodeKind.PROVIDER);
    List<MapEdge> edges = List.of(
        new MapEdge(EdgeKey.of("192.0.2.1", "2001:db8:0:0:0:0:0:1"),
            new RttStats(3, 1.25, 2.5, 4.75), t0, observer.toBase58()),
        new MapEdge(EdgeKey.of("198.51.100.0/24", other.toBase58()),
            RttStats.of(40), t0.minusNanos(1), observer.toBase58()));
    TopologyDeltaFrame f = new TopologyDeltaFrame(observer, 42, t0.plusNanos(7), true, nodes, edges);

    TopologyDeltaFrame back = codec.decode(codec.encode(f));

    assertThat(back).isEqualTo(f);
    assertThat(back.nodes().keySet()).containsExactlyElementsOf(nodes.keySet());
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  void randomDeltasRoundTrip(long seed) {
    Random r = new Random(seed);
    Map<String, NodeKind> nodes = new LinkedHashMap<>();
    List<MapEdge> edges = new ArrayList<>();
    java.util.Set<EdgeKey> keys = new java.util.HashSet<>();
    int n = 1 + r.nextInt(60);
    while (edges.size() < n) {
      String a = Deltas.randomId(r);
      String b = Deltas.randomId(r);
      if (a.equals(b) || !keys.add(EdgeKey.of(a, b))) {
        continue;
      }
      double min = r.nextDouble() * 50;
      double mean = min + r.nextDouble() * 10;
      edges.add(new MapEdge(EdgeKey.of(a, b), new RttStats(1 + r.nextInt(1000), min, mean,
          mean + r.nextDouble() * 10), t0.plusNanos(r.nextLong(1_000_000_000_000L)),
          observer.toBase58()));
      if (r.nextBoolean()) {
        nodes.put(a, NodeKind.values()[r.nextInt(4)]);
      }
    }
    TopologyDeltaFrame f = new TopologyDeltaFrame(observer, r.nextLong() & Long.MAX_VALUE,
        t0, r.nextBoolean(), nodes, edges);

    assertThat(codec.decode(codec.encode(f))).isEqualTo(f);
  }

  @Test
  void theLargestDeltaWithinTheEntryLimitsFitsTheByteLimit() {
    List<MapEdge> edges = new ArrayList<>();
    Map<String, NodeKind> nodes = new LinkedHashMap<>();
    for (int i = 0; i < 500; i++) { // 52-character peer ids, the longest valid ids in practice
      String a = newPeer().toBase58();
      String b = newPeer().toBase58();
      edges.add(new MapEdge(EdgeKey.of(a, b), new RttStats(Long.MAX_VALUE, 1e300, 1e300, 1e300),
          Instant.ofEpochSecond(0, Long.MIN_VALUE), observer.toBase58()));
      nodes.put(a, NodeKind.PROVIDER);
      nodes.put(b, NodeKind.PROVIDER);
    }
    byte[] bytes = codec.encode(new TopologyDeltaFrame(observer, Long.MAX_VALUE,
        Instant.ofEpochSecond(0, Long.MIN_VALUE), true, nodes, edges));

    assertThat(bytes.length).isLessThanOrEqualTo(DeltaLimits.defaults().maxBytes());
    assertThat(codec.decode(bytes).edges()).hasSize(500);
  }

  @Test
  void moreBytesThanTheLimitAreRefusedBeforeParsing() {
    byte[] big = new byte[DeltaLimits.defaults().maxBytes() + 1];
    assertError(() -> codec.decode(big), TopologyShareError.OVERSIZED);
  }

  @Test
  void moreEdgesOrNodesThanTheLimitAreRefused() {
    TopologyDeltaCodec small = new TopologyDeltaCodec(new DeltaLimits(64 * 1024, 20, 10));
    byte[] elevenEdges = codec.encode(frame(observer, t0, chain(11, 0, t0, observer)));
    byte[] tenEdgesButNodes = codec.encode(frame(observer, t0, chain(10, 0, t0, observer)));
    assertError(() -> small.decode(elevenEdges), TopologyShareError.TOO_MANY_ENTRIES);
    assertThat(small.decode(tenEdgesButNodes).edges()).hasSize(10);
    TopologyDeltaCodec fewNodes = new TopologyDeltaCodec(new DeltaLimits(64 * 1024, 5, 10));
    assertError(() -> fewNodes.decode(tenEdgesButNodes), TopologyShareError.TOO_MANY_ENTRIES);
    assertError(() -> small.encode(frame(observer, t0, chain(11, 0, t0, observer))),
        TopologyShareError.TOO_MANY_ENTRIES);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
  void garbageAndTruncationGiveAReasonNeverAnotherException(long seed) {
    Random r = new Random(seed);
    byte[] good = codec.encode(frame(observer, t0, chain(20, 0, t0, observer)));
    for (int i = 0; i < 200; i++) {
      byte[] bad = switch (i % 3) {
        case 0 -> java.util.Arrays.copyOf(good, r.nextInt(good.length));
        case 1 -> {
          byte[] flipped = good.clone();
          for (int k = 0; k < 1 + r.nextInt(4); k++) {
            flipped[r.nextInt(flipped.length)] ^= (byte) (1 + r.nextInt(255));
          }
          yield flipped;
        }
        default -> {
          byte[] noise = new byte[r.nextInt(300)];
          r.nextBytes(noise);
          yield noise;
        }
      };
      try {
        TopologyDeltaFrame f = codec.decode(bad);
        assertThat(f.edges().size()).isLessThanOrEqualTo(20); // a flip that still parses
      } catch (TopologyShareException e) {
        assertThat(e.getMessage()).isNotBlank();
      }
    }
  }

  static List<String> badIds() {
    return List.of("", "010.0.0.1", "10.0.0.256", "10.0.0", "0:0:0:0:0:0:0:1%1", "::1",
        "2001:DB8:0:0:0:0:0:1", "10.0.0.0/33", "10.0.0.0/", "10.0.0.0/08", "10.0.0.0/-1",
        "2001:db8:0:0:0:0:0:0/129", "router.example", "Qm-not-a-peer", "1zzzz",
        "10.0.0.1\n", "x".repeat(65), "12D3KooWsomething0OIl");
  }

  @ParameterizedTest
  @MethodSource("badIds")
  void nodeIdsThatAreNotCanonicalAreRefusedOnBothSides(String id) {
    String other = "192.0.2.9";
    assertError(() -> codec.decode(mutate(b -> b.setEdges(0, b.getEdges(0).toBuilder().setA(id)))),
        TopologyShareError.BAD_NODE_ID);
    assertError(() -> codec.decode(mutate(b -> b.setNodes(0, b.getNodes(0).toBuilder().setId(id)))),
        TopologyShareError.BAD_NODE_ID);
    MapEdge bad = new MapEdge(new EdgeKey(id.compareTo(other) < 0 ? id : other,
        id.compareTo(other) < 0 ? other : id), RttStats.of(1), t0, observer.toBase58());
    if (!id.isEmpty()) {
      assertError(() -> codec.encode(frame(observer, t0, List.of(bad))),
          TopologyShareError.BAD_NODE_ID);
    }
  }

  @Test
  void structuralProblemsAreMalformed() {
    List<UnaryOperator<TopologyDelta.Builder>> cases = List.of(
        b -> b.setVersion(0),
        b -> b.clearObserver(),
        b -> b.setObserver(ByteString.copyFromUtf8("not a multihash")),
        b -> b.setEdges(0, b.getEdges(0).toBuilder().setB(b.getEdges(0).getA())),
        b -> b.setEdges(0, b.getEdges(0).toBuilder().clearRtt()),
        b -> b.setEdges(0, b.getEdges(0).toBuilder().setRtt(
            b.getEdges(0).getRtt().toBuilder().setCount(0))),
        b -> b.setEdges(0, b.getEdges(0).toBuilder().setRtt(
            b.getEdges(0).getRtt().toBuilder().setMeanMillis(Double.NaN))),
        b -> b.setEdges(0, b.getEdges(0).toBuilder().setRtt(
            b.getEdges(0).getRtt().toBuilder().setMinMillis(-1))),
        b -> b.setEdges(0, b.getEdges(0).toBuilder().setRtt(
            b.getEdges(0).getRtt().toBuilder().setMaxMillis(Double.POSITIVE_INFINITY))),
        b -> b.setEdges(0, b.getEdges(0).toBuilder().clearObserver()),
        b -> b.addEdges(b.getEdges(0)),
        b -> b.addEdges(b.getEdges(0).toBuilder().setA(b.getEdges(0).getB())
            .setB(b.getEdges(0).getA())),
        b -> b.addNodes(b.getNodes(0)),
        b -> b.addNodes(b.getNodes(0).toBuilder().setId("203.0.113.1")),
        b -> b.setNodes(0, b.getNodes(0).toBuilder().setKindValue(0)));
    for (UnaryOperator<TopologyDelta.Builder> c : cases) {
      assertError(() -> codec.decode(mutate(c)), TopologyShareError.MALFORMED);
    }
  }

  @Test
  void aNewerVersionIsUnsupportedAndAnUnknownKindReadsAsRouter() {
    assertError(() -> codec.decode(mutate(b -> b.setVersion(2))),
        TopologyShareError.UNSUPPORTED_VERSION);
    assertThat(TopologyShareError.UNSUPPORTED_VERSION.verdict())
        .isEqualTo(dev.icon.gossip.api.ValidationResult.IGNORE);

    TopologyDeltaFrame f = codec.decode(mutate(b -> b.setNodes(0,
        b.getNodes(0).toBuilder().setKindValue(99))));
    assertThat(f.nodes().values().iterator().next()).isEqualTo(NodeKind.ROUTER);
  }

  @Test
  void limitsTooSmallForTheirEntriesAreRefusedNamingTheField() {
    assertThatThrownBy(() -> new DeltaLimits(1024, 1_000, 500))
        .hasMessageContaining("DeltaLimits.maxBytes");
    assertThatThrownBy(() -> new DeltaLimits(1 << 20, 0, 500))
        .hasMessageContaining("DeltaLimits.maxNodes");
    assertThatThrownBy(() -> new DeltaLimits(1 << 20, 10, 0))
        .hasMessageContaining("DeltaLimits.maxEdges");
  }

  private byte[] mutate(UnaryOperator<TopologyDelta.Builder> change) {
    try {
      TopologyDelta.Builder b = TopologyDelta.parseFrom(codec.encode(frame(observer, t0,
          List.of(edge("192.0.2.1", "192.0.2.2", 3, t0, observer))))).toBuilder();
      return change.apply(b).build().toByteArray();
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  private static void assertError(org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
      TopologyShareError error) {
    assertThatThrownBy(call).isInstanceOfSatisfying(TopologyShareException.class,
        e -> assertThat(e.error()).as(e.getMessage()).isEqualTo(error));
  }
}
