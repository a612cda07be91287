package dev.icon.tomography.map;

import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Records direct measurements in a map: when the provider at {@code provider} measured a client
 * (for example over {@code /icon/probe/1.0.0}), an edge provider–client and an edge
 * provider–client prefix, each carrying the measurement's statistics, last seen {@code at}, with
 * the measuring peer as observer. {@link RttEstimator#refined} prefers such a fresh direct edge to
 * any estimate composed from paths. Stateless.
 */
public final class ProbeEdges {

  private ProbeEdges() {}

  /**
   * Records that {@code observer}, sitting at {@code provider}, measured {@code stats} to {@code
   * client} at {@code at}; returns the edges the map took (an edge older than the map's own
   * version, or outside its age bounds, is not taken).
   */
  public static List<MapEdge> record(TopologyMap map, String provider, InetAddress client,
      RttStats stats, ClientPrefixes prefixes, String observer, Instant at) {
    String clientId = client.getHostAddress();
    String prefixId = prefixes.nodeId(client);
    List<MapEdge> taken = new ArrayList<>();
    for (String other : List.of(clientId, prefixId)) {
      if (other.equals(provider)) {
        continue;
      }
      MapEdge edge = new MapEdge(EdgeKey.of(provider, other), stats, at, observer);
      if (map.merge(edge)) {
        taken.add(edge);
        map.mergeNode(provider, NodeKind.PROVIDER);
        map.mergeNode(other, other.equals(clientId) ? NodeKind.HOST : NodeKind.CLIENT_PREFIX);
      }
    }
    return List.copyOf(taken);
  }
}
