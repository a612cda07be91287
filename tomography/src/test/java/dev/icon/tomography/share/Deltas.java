package dev.icon.tomography.share;

import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
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

/** Deltas and edges for the share tests. */
final class Deltas {

  private Deltas() {}

  static PeerId newPeer() {
    return PeerId.fromPublicKey(PrivateKey.generateEd25519().publicKey());
  }

  static MapEdge edge(String a, String b, double rtt, Instant seen, PeerId observer) {
    return new MapEdge(EdgeKey.of(a, b), RttStats.of(rtt), seen, observer.toBase58());
  }

  /** A delta of {@code edges} with each end a ROUTER. */
  static TopologyDeltaFrame frame(PeerId observer, Instant at, List<MapEdge> edges) {
    Map<String, NodeKind> nodes = new LinkedHashMap<>();
    for (MapEdge e : edges) {
      nodes.put(e.key().a(), NodeKind.ROUTER);
      nodes.put(e.key().b(), NodeKind.ROUTER);
    }
    return new TopologyDeltaFrame(observer, 7, at, false, nodes, edges);
  }

  /** {@code n} edges along a chain of IPv4 routers 10.x.y.z, seen at {@code at}. */
  static List<MapEdge> chain(int n, int offset, Instant at, PeerId observer) {
    List<MapEdge> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(edge(ip(offset + i), ip(offset + i + 1), 1 + i % 17, at, observer));
    }
    return out;
  }

  static String ip(int i) {
    return "10." + ((i >> 16) & 0xff) + "." + ((i >> 8) & 0xff) + "." + (i & 0xff);
  }

  /** A random valid node id: IPv4, IPv6, prefix or peer id. */
  static String randomId(Random r) {
    return switch (r.nextInt(4)) {
      case 0 -> r.nextInt(224) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256);
      case 1 -> "2001:db8:" + Integer.toHexString(r.nextInt(0x10000)) + ":0:0:0:0:"
          + Integer.toHexString(1 + r.nextInt(0xffff));
      case 2 -> "10." + r.nextInt(256) + "." + r.nextInt(256) + ".0/" + (8 + r.nextInt(25));
      default -> newPeer().toBase58();
    };
  }
}
