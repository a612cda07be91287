package dev.icon.node.cli.topo;

import dev.icon.tomography.map.MapEdge;
import dev.icon.tomography.map.MapSnapshot;
import dev.icon.tomography.map.NodeKind;
import java.util.Locale;
import java.util.Map;

/** Renders a map in Graphviz DOT: node shape by kind, edges labelled with their mean RTT. */
final class MapDot {

  private MapDot() {}

  static String render(MapSnapshot map) {
    StringBuilder out = new StringBuilder("graph topology {\n  node [fontsize=10];\n");
    map.nodes().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
        out.append("  ").append(quote(e.getKey())).append(" [shape=").append(shape(e.getValue()))
            .append("];\n"));
    for (MapEdge e : map.edges()) {
      out.append("  ").append(quote(e.key().a())).append(" -- ").append(quote(e.key().b()))
          .append(" [label=\"").append(String.format(Locale.ROOT, "%.1f ms", e.rtt().meanMillis()))
          .append("\"];\n");
    }
    return out.append("}\n").toString();
  }

  private static String shape(NodeKind kind) {
    return switch (kind) {
      case ROUTER -> "ellipse";
      case HOST -> "box";
      case CLIENT_PREFIX -> "folder";
      case PROVIDER -> "doubleoctagon";
    };
  }

  private static String quote(String id) {
    return "\"" + id.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
