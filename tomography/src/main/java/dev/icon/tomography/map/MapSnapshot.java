package dev.icon.tomography.map;

import java.util.List;
import java.util.Map;

/**
 * An immutable copy of a {@link TopologyMap}.
 *
 * @param nodes every node id with its kind
 * @param edges every edge, in key order
 */
public record MapSnapshot(Map<String, NodeKind> nodes, List<MapEdge> edges) {

  public MapSnapshot {
    nodes = Map.copyOf(nodes);
    edges = List.copyOf(edges);
  }
}
