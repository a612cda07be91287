package dev.icon.bench.tomography;

import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.tomography.map.EdgeKey;
import dev.icon.tomography.map.MapConfig;
import dev.icon.tomography.map.MapEdge;
import dev.icon.tomography.map.NodeKind;
import dev.icon.tomography.map.RttStats;
import dev.icon.tomography.map.TopologyMap;
import dev.icon.tomography.share.DeltaLimits;
import dev.icon.tomography.share.TopologyDeltaCodec;
import dev.icon.tomography.share.TopologyDeltaFrame;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A traceroute-shaped topology for the map benchmarks: {@value #PATHS} paths of {@value #HOPS}
 * IPv4 hops each ({@value #PATHS} x {@value #HOPS} = 10,000 edges, 10,500 nodes, the last hop of a
 * path a host), observed by {@value #OBSERVERS} peers (path p by observer p mod 10), RTT statistics
 * of 3 samples, all last seen at {@link #BASE}; deltas of {@value #DELTA_EDGES} edges, the size of
 * one discovery round's changes (a path of 30 hops is about 30 edges).
 */
final class TopologyData {

  static final int PATHS = 500;
  static final int HOPS = 20;
  static final int OBSERVERS = 10;
  static final int DELTA_EDGES = 50;
  static final Instant BASE = Instant.parse("2026-11-28T12:00:00Z");
  /** The maps' clock: a little after {@link #BASE}, so nothing is stale or from the future. */
  static final Clock CLOCK = Clock.fixed(BASE.plusSeconds(10), ZoneOffset.UTC);

  final PeerId[] observers = new PeerId[OBSERVERS];
  final TopologyDeltaCodec codec = new TopologyDeltaCodec(DeltaLimits.defaults());

  TopologyData() throws Exception {
    SecureRandom keys = SecureRandom.getInstance("SHA1PRNG");
    keys.setSeed(42);
    for (int i = 0; i < OBSERVERS; i++) {
      observers[i] = PeerId.fromPublicKey(PrivateKey.generateEd25519(keys).publicKey());
    }
  }

  static String ip(int i) {
    return "10." + ((i >> 16) & 0xff) + "." + ((i >> 8) & 0xff) + "." + (i & 0xff);
  }

  /** Edge {@code k} (0..9,999): hop h to h+1 of path k / HOPS. */
  static EdgeKey key(int k) {
    int path = k / HOPS;
    int hop = k % HOPS;
    return EdgeKey.of(ip(path * (HOPS + 1) + hop), ip(path * (HOPS + 1) + hop + 1));
  }

  static NodeKind kind(String id, int k) {
    return key(k).b().equals(id) && k % HOPS == HOPS - 1 ? NodeKind.HOST : NodeKind.ROUTER;
  }

  /** An empty map with the default bounds on {@link #CLOCK}. */
  static TopologyMap emptyMap() {
    return new TopologyMap(MapConfig.defaults(), CLOCK);
  }

  /**
   * The 10,000 edges as {@code count} deltas of {@value #DELTA_EDGES} edges starting at edge
   * {@code first * 50}, delta d from observer d mod 10, last seen {@code BASE + offset(d)}.
   */
  List<TopologyDeltaFrame> frames(int first, int count, boolean later) {
    List<TopologyDeltaFrame> out = new ArrayList<>(count);
    int total = PATHS * HOPS;
    for (int d = first; d < first + count; d++) {
      PeerId observer = observers[d % OBSERVERS];
      Instant seen = later ? BASE.plusMillis(d + 1) : BASE;
      List<MapEdge> edges = new ArrayList<>(DELTA_EDGES);
      Map<String, NodeKind> nodes = new LinkedHashMap<>();
      for (int j = 0; j < DELTA_EDGES; j++) {
        int k = (d * DELTA_EDGES + j) % total;
        EdgeKey key = key(k);
        edges.add(new MapEdge(key, new RttStats(3, 1.0 + k % 7, 2.0 + k % 7, 4.0 + k % 7), seen,
            observer.toBase58()));
        nodes.put(key.a(), kind(key.a(), k));
        nodes.put(key.b(), kind(key.b(), k));
      }
      out.add(new TopologyDeltaFrame(observer, d + 1L, seen, false, nodes, edges));
    }
    return out;
  }

  /** {@link #frames} encoded. */
  List<byte[]> encoded(List<TopologyDeltaFrame> frames) {
    List<byte[]> out = new ArrayList<>(frames.size());
    frames.forEach(f -> out.add(codec.encode(f)));
    return out;
  }

  PeerId author(int delta) {
    return observers[delta % OBSERVERS];
  }
}
