package dev.icon.tomography.share;

import dev.icon.overlay.identity.PeerId;
import dev.icon.tomography.map.MapEdge;
import dev.icon.tomography.map.NodeKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One topology delta as this node sees it (the decoded form of the protobuf {@code
 * icon.topology.v1.TopologyDelta}). Immutable. Edge observers are base58 peer ids, as the map keeps
 * them.
 *
 * @param observer who measured what it carries
 * @param sequence the observer's sequence number of this delta
 * @param generatedAt when the observer built it
 * @param fullState whether it is a chunk of the periodic full-state resend
 * @param nodes the kinds of the edges' endpoints (insertion order kept)
 * @param edges the edges
 */
public record TopologyDeltaFrame(PeerId observer, long sequence, Instant generatedAt,
    boolean fullState, Map<String, NodeKind> nodes, List<MapEdge> edges) {

  /** The schema version this code writes and reads. */
  public static final int VERSION = 1;

  public TopologyDeltaFrame {
    Objects.requireNonNull(observer, "observer");
    Objects.requireNonNull(generatedAt, "generatedAt");
    nodes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(nodes));
    edges = List.copyOf(edges);
  }

  /** The same delta with only {@code kept} edges, and the nodes they still touch. */
  public TopologyDeltaFrame withEdges(List<MapEdge> kept) {
    Map<String, NodeKind> touched = new java.util.LinkedHashMap<>();
    for (MapEdge e : kept) {
      NodeKind a = nodes.get(e.key().a());
      NodeKind b = nodes.get(e.key().b());
      if (a != null) {
        touched.put(e.key().a(), a);
      }
      if (b != null) {
        touched.put(e.key().b(), b);
      }
    }
    return new TopologyDeltaFrame(observer, sequence, generatedAt, fullState, touched, kept);
  }
}
