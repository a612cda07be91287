package dev.icon.tomography.share;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.icon.overlay.identity.IdentityException;
import dev.icon.overlay.identity.PeerId;
import dev.icon.proto.icon.topology.Edge;
import dev.icon.proto.icon.topology.Node;
import dev.icon.proto.icon.topology.RttStats;
import dev.icon.proto.icon.topology.TopologyDelta;
import dev.icon.tomography.map.EdgeKey;
import dev.icon.tomography.map.MapEdge;
import dev.icon.tomography.map.NodeKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Bytes of the protobuf {@code icon.topology.v1.TopologyDelta} to {@link TopologyDeltaFrame} and
 * back, within {@link DeltaLimits}. Stateless and thread-safe; holds no session state (the
 * author, clock and map checks live in {@link DeltaValidator}).
 *
 * <p>Decoding checks, in order: byte size before parsing ({@link TopologyShareError#OVERSIZED}),
 * protobuf syntax, version ({@link TopologyShareError#UNSUPPORTED_VERSION} for a newer one),
 * entry counts ({@link TopologyShareError#TOO_MANY_ENTRIES}), then every node and edge: canonical
 * ids ({@link TopologyShareError#BAD_NODE_ID}), known kinds, distinct endpoints, RTT statistics in
 * range, valid observer peer ids, no duplicate edge or node, no node that no edge touches
 * ({@link TopologyShareError#MALFORMED}). A node kind added by a newer schema reads as {@link
 * NodeKind#ROUTER}, the least specific, so it never overrides what others know. Encoding applies the same rules, so what this codec
 * writes it also reads.
 */
public final class TopologyDeltaCodec {

  private final DeltaLimits limits;

  /** A codec enforcing {@code limits}. */
  public TopologyDeltaCodec(DeltaLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /** The limits this codec enforces. */
  public DeltaLimits limits() {
    return limits;
  }

  /**
   * Encodes {@code frame}.
   *
   * @throws TopologyShareException when it breaks a limit or holds an invalid id or observer
   */
  public byte[] encode(TopologyDeltaFrame frame) {
    checkCounts(frame.nodes().size(), frame.edges().size());
    TopologyDelta.Builder b = TopologyDelta.newBuilder()
        .setVersion(TopologyDeltaFrame.VERSION)
        .setObserver(ByteString.copyFrom(frame.observer().toBytes()))
        .setSequence(frame.sequence())
        .setGeneratedAtUnixNanos(toNanos(frame.generatedAt(), "generatedAt"))
        .setFullState(frame.fullState());
    frame.nodes().forEach((id, kind) -> b.addNodes(
        Node.newBuilder().setId(checkId(id)).setKind(toProto(kind))));
    for (MapEdge e : frame.edges()) {
      checkId(e.key().a());
      checkId(e.key().b());
      b.addEdges(Edge.newBuilder().setA(e.key().a()).setB(e.key().b())
          .setRtt(RttStats.newBuilder().setCount(e.rtt().count()).setMinMillis(e.rtt().minMillis())
              .setMeanMillis(e.rtt().meanMillis()).setMaxMillis(e.rtt().maxMillis()))
          .setLastSeenUnixNanos(toNanos(e.lastSeen(), "lastSeen of " + e.key()))
          .setObserver(ByteString.copyFrom(observerBytes(e.observer()))));
    }
    byte[] bytes = b.build().toByteArray();
    if (bytes.length > limits.maxBytes()) {
      throw new TopologyShareException(TopologyShareError.OVERSIZED,
          bytes.length + " bytes, limit " + limits.maxBytes());
    }
    return bytes;
  }

  /**
   * Decodes and checks {@code bytes}.
   *
   * @throws TopologyShareException naming the first problem found
   */
  public TopologyDeltaFrame decode(byte[] bytes) {
    if (bytes.length > limits.maxBytes()) {
      throw new TopologyShareException(TopologyShareError.OVERSIZED,
          bytes.length + " bytes, limit " + limits.maxBytes());
    }
    TopologyDelta d;
    try {
      d = TopologyDelta.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw malformed("not a TopologyDelta: " + e.getMessage());
    }
    if (d.getVersion() == 0) {
      throw malformed("version missing");
    }
    if (d.getVersion() != TopologyDeltaFrame.VERSION) {
      throw new TopologyShareException(TopologyShareError.UNSUPPORTED_VERSION,
          "version " + Integer.toUnsignedString(d.getVersion()) + ", this node reads "
              + TopologyDeltaFrame.VERSION);
    }
    checkCounts(d.getNodesCount(), d.getEdgesCount());
    PeerId observer = peerId(d.getObserver(), "observer");
    Map<ByteString, String> observers = new HashMap<>();
    observers.put(d.getObserver(), observer.toBase58());
    List<MapEdge> edges = new ArrayList<>(d.getEdgesCount());
    Set<EdgeKey> keys = new HashSet<>();
    Set<String> endpoints = new HashSet<>();
    for (int i = 0; i < d.getEdgesCount(); i++) {
      MapEdge e = edge(d.getEdges(i), i, observers);
      if (!keys.add(e.key())) {
        throw malformed("edge " + i + " repeats " + e.key());
      }
      endpoints.add(e.key().a());
      endpoints.add(e.key().b());
      edges.add(e);
    }
    Map<String, NodeKind> nodes = new LinkedHashMap<>();
    for (int i = 0; i < d.getNodesCount(); i++) {
      Node n = d.getNodes(i);
      String id = checkId(n.getId());
      if (!endpoints.contains(id)) {
        throw malformed("node " + i + " '" + id + "' is not an endpoint of any edge");
      }
      if (nodes.put(id, fromProto(n, i)) != null) {
        throw malformed("node " + i + " repeats '" + id + "'");
      }
    }
    return new TopologyDeltaFrame(observer, d.getSequence(),
        Instant.ofEpochSecond(0, d.getGeneratedAtUnixNanos()), d.getFullState(), nodes, edges);
  }

  private MapEdge edge(Edge e, int i, Map<ByteString, String> observers) {
    String a = checkId(e.getA());
    String b = checkId(e.getB());
    if (a.equals(b)) {
      throw malformed("edge " + i + " joins '" + a + "' to itself");
    }
    if (!e.hasRtt()) {
      throw malformed("edge " + i + " has no RTT statistics");
    }
    RttStats r = e.getRtt();
    dev.icon.tomography.map.RttStats rtt;
    try {
      rtt = new dev.icon.tomography.map.RttStats(r.getCount(), r.getMinMillis(),
          r.getMeanMillis(), r.getMaxMillis());
    } catch (IllegalArgumentException ex) {
      throw malformed("edge " + i + " RTT statistics: " + ex.getMessage());
    }
    String observer = observers.get(e.getObserver());
    if (observer == null) {
      if (observers.size() > 8) {
        throw malformed("edge " + i + ": too many distinct observers");
      }
      observer = peerId(e.getObserver(), "edge " + i + " observer").toBase58();
      observers.put(e.getObserver(), observer);
    }
    return new MapEdge(EdgeKey.of(a, b), rtt, Instant.ofEpochSecond(0, e.getLastSeenUnixNanos()),
        observer);
  }

  private void checkCounts(int nodes, int edges) {
    if (nodes > limits.maxNodes() || edges > limits.maxEdges()) {
      throw new TopologyShareException(TopologyShareError.TOO_MANY_ENTRIES, nodes + " nodes and "
          + edges + " edges, limits " + limits.maxNodes() + " and " + limits.maxEdges());
    }
  }

  private static String checkId(String id) {
    NodeIds.problem(id).ifPresent(p -> {
      throw new TopologyShareException(TopologyShareError.BAD_NODE_ID, p);
    });
    return id;
  }

  private static PeerId peerId(ByteString bytes, String field) {
    if (bytes.isEmpty()) {
      throw malformed(field + " missing");
    }
    try {
      return PeerId.fromBytes(bytes.toByteArray());
    } catch (IdentityException | IndexOutOfBoundsException e) {
      throw malformed(field + " is not a peer id: " + e.getMessage());
    }
  }

  private static byte[] observerBytes(String observer) {
    try {
      return PeerId.parse(observer).toBytes();
    } catch (IdentityException | IllegalArgumentException e) {
      throw malformed("edge observer '" + NodeIds.printable(observer) + "' is not a peer id");
    }
  }

  private static long toNanos(Instant t, String field) {
    try {
      long seconds = t.getEpochSecond();
      long nanos = t.getNano();
      if (seconds < 0 && nanos > 0) { // as Instant.toEpochMilli: stays in range down to MIN_VALUE
        seconds++;
        nanos -= 1_000_000_000L;
      }
      return Math.addExact(Math.multiplyExact(seconds, 1_000_000_000L), nanos);
    } catch (ArithmeticException e) {
      throw malformed(field + " " + t + " is outside the range of Unix nanoseconds");
    }
  }

  private static dev.icon.proto.icon.topology.NodeKind toProto(NodeKind kind) {
    return switch (kind) {
      case ROUTER -> dev.icon.proto.icon.topology.NodeKind.NODE_KIND_ROUTER;
      case HOST -> dev.icon.proto.icon.topology.NodeKind.NODE_KIND_HOST;
      case CLIENT_PREFIX -> dev.icon.proto.icon.topology.NodeKind.NODE_KIND_CLIENT_PREFIX;
      case PROVIDER -> dev.icon.proto.icon.topology.NodeKind.NODE_KIND_PROVIDER;
    };
  }

  private static NodeKind fromProto(Node n, int i) {
    return switch (n.getKind()) {
      case NODE_KIND_ROUTER -> NodeKind.ROUTER;
      case NODE_KIND_HOST -> NodeKind.HOST;
      case NODE_KIND_CLIENT_PREFIX -> NodeKind.CLIENT_PREFIX;
      case NODE_KIND_PROVIDER -> NodeKind.PROVIDER;
      case NODE_KIND_UNSPECIFIED -> throw malformed("node " + i + " '" + n.getId()
          + "' has no kind");
      // A kind added by a newer peer: read as the least specific, so it never overrides ours.
      case UNRECOGNIZED -> NodeKind.ROUTER;
    };
  }

  private static TopologyShareException malformed(String message) {
    return new TopologyShareException(TopologyShareError.MALFORMED, message);
  }
}
