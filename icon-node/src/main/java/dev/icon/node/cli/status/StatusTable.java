package dev.icon.node.cli.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/** Renders a {@code /status} document as a human-readable table. Stateless. */
final class StatusTable {

  private StatusTable() {}

  static String render(JsonNode s) {
    StringBuilder b = new StringBuilder();
    row(b, "peer id", s.path("peerId").asText());
    row(b, "roles", join(s.path("roles")));
    for (JsonNode a : s.path("addrs")) {
      row(b, "addr", a.asText());
    }
    row(b, "peers connected", s.path("peers").path("connected").asText());
    row(b, "dht", s.path("dht").path("mode").asText() + ", routing table "
        + s.path("dht").path("routingTable").asText());
    JsonNode topics = s.path("gossip").path("topics");
    if (!s.path("gossip").path("enabled").asBoolean()) {
      row(b, "gossip", "off");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = topics.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> t = it.next();
      row(b, "topic " + t.getKey(), "mesh " + t.getValue().asText());
    }
    JsonNode services = s.path("services");
    row(b, "topology map", services.has("topology")
        ? services.path("topology").path("nodes").asText() + " nodes, "
            + services.path("topology").path("edges").asText() + " edges" : "off");
    row(b, "agreements", services.has("negotiate")
        ? services.path("negotiate").path("agreements").asText() : "- (not a provider)");
    JsonNode known = services.path("providers").path("known");
    row(b, "providers known", Integer.toString(known.size()));
    for (JsonNode p : known) {
      row(b, "  provider", p.path("peerId").asText() + " (" + p.path("source").asText() + ")");
    }
    b.append(String.format("%n%-28s %s%n", "SERVICE", "STATE"));
    for (Iterator<Map.Entry<String, JsonNode>> it = services.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      b.append(String.format("%-28s %s%n", e.getKey(), e.getValue().path("state").asText()));
    }
    return b.toString();
  }

  private static void row(StringBuilder b, String key, String value) {
    b.append(String.format("%-28s %s%n", key, value));
  }

  private static String join(JsonNode array) {
    StringBuilder b = new StringBuilder();
    for (JsonNode x : array) {
      b.append(b.length() == 0 ? "" : ", ").append(x.asText());
    }
    return b.toString();
  }
}
