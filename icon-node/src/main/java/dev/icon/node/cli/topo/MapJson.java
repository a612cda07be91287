package dev.icon.node.cli.topo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.icon.tomography.map.EdgeKey;
import dev.icon.tomography.map.MapEdge;
import dev.icon.tomography.map.MapSnapshot;
import dev.icon.tomography.map.NodeKind;
import dev.icon.tomography.map.RttStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The map file of {@code topo discover --map-out} and {@code topo show --map}: {@code {"nodes":
 * [{"id", "kind"}], "edges": [{"a", "b", "rtt_ms": {"count", "min", "mean", "max"}, "last_seen",
 * "observer"}]}}. Reading checks every field and names the first one at fault. Stateless.
 */
final class MapJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private MapJson() {}

  static ObjectNode write(MapSnapshot map) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode nodes = root.putArray("nodes");
    map.nodes().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> nodes
        .addObject().put("id", e.getKey()).put("kind", e.getValue().name().toLowerCase(Locale.ROOT)));
    ArrayNode edges = root.putArray("edges");
    for (MapEdge e : map.edges()) {
      ObjectNode n = edges.addObject();
      n.put("a", e.key().a()).put("b", e.key().b());
      n.putObject("rtt_ms").put("count", e.rtt().count()).put("min", e.rtt().minMillis())
          .put("mean", e.rtt().meanMillis()).put("max", e.rtt().maxMillis());
      n.put("last_seen", e.lastSeen().toString()).put("observer", e.observer());
    }
    return root;
  }

  static MapSnapshot read(String text) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("map file is not JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.path("nodes").isArray() || !root.path("edges").isArray()) {
      throw new IllegalArgumentException("map file needs arrays 'nodes' and 'edges'");
    }
    Map<String, NodeKind> nodes = new LinkedHashMap<>();
    int i = 0;
    for (JsonNode n : root.get("nodes")) {
      String where = "nodes[" + i++ + "]";
      try {
        nodes.put(text(n, "id", where),
            NodeKind.valueOf(text(n, "kind", where).toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
    }
    List<MapEdge> edges = new ArrayList<>();
    i = 0;
    for (JsonNode n : root.get("edges")) {
      String where = "edges[" + i++ + "]";
      try {
        JsonNode rtt = n.path("rtt_ms");
        edges.add(new MapEdge(EdgeKey.of(text(n, "a", where), text(n, "b", where)),
            new RttStats(rtt.path("count").asLong(0), rtt.path("min").asDouble(-1),
                rtt.path("mean").asDouble(-1), rtt.path("max").asDouble(-1)),
            Instant.parse(text(n, "last_seen", where)), text(n, "observer", where)));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
    }
    return new MapSnapshot(nodes, edges);
  }

  private static String text(JsonNode n, String field, String where) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual() || v.asText().isEmpty()) {
      throw new IllegalArgumentException("'" + field + "' missing or not a string");
    }
    return v.asText();
  }
}
