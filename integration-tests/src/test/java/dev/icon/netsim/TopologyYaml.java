package dev.icon.netsim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a topology file:
 *
 * <pre>{@code
 * dns: {node: dns, port: 53}            # label: _icon._tcp by default
 * nodes:
 *   core:   {role: router, router_id: 10.255.0.1, reverse_name: core1.cloud.transit.example}
 *   origin: {role: observer}
 *   dns:    {role: dns}
 *   edge:   {role: provider, provider: {domain: fra.isp-a.example, port: 4001}}
 * links:
 *   - {between: [origin, core], subnet: 10.1.0.0/30, delay_ms: 20}
 *   - {between: [core, edge], subnet: 10.9.0.0/24, addresses: [10.9.0.1, 10.9.0.10]}
 * }</pre>
 *
 * Roles: router, client, provider, observer, dns, host. A link's ends get the subnet's first and
 * second host addresses unless {@code addresses} names them; {@code delay_ms} is one-way, added in
 * each direction (default 0). Unknown keys are errors. Every error names the field at fault.
 * Stateless.
 */
public final class TopologyYaml {

  private static final YAMLMapper YAML = new YAMLMapper();

  private TopologyYaml() {}

  /** Parses a topology from the class-path resource {@code name}. */
  public static Topology resource(String name) throws IOException {
    try (InputStream in = TopologyYaml.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("no topology resource " + name + " on the class path");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /** Parses topology text. */
  public static Topology parse(String text) {
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("topology is not YAML: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("topology: expected a mapping with nodes, links, dns");
    }
    keys(root, "topology", Set.of("nodes", "links", "dns"));
    Map<String, Topology.Node> nodes = new LinkedHashMap<>();
    JsonNode ns = object(root, "nodes", "nodes");
    for (Iterator<Map.Entry<String, JsonNode>> it = ns.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      nodes.put(e.getKey(), node(e.getValue(), "nodes." + e.getKey()));
    }
    List<Topology.Link> links = new ArrayList<>();
    JsonNode ls = root.get("links");
    if (ls == null || !ls.isArray()) {
      throw new IllegalArgumentException("links: expected a list");
    }
    for (int i = 0; i < ls.size(); i++) {
      links.add(link(ls.get(i), "links[" + i + "]"));
    }
    JsonNode d = object(root, "dns", "dns");
    keys(d, "dns", Set.of("node", "port", "label"));
    Topology.Dns dns = new Topology.Dns(text(d, "node", "dns.node", null),
        integer(d, "port", "dns.port", 53), text(d, "label", "dns.label", "_icon._tcp"));
    return new Topology(nodes, links, dns);
  }

  private static Topology.Node node(JsonNode n, String where) {
    if (!n.isObject()) {
      throw new IllegalArgumentException(where + ": expected a mapping");
    }
    keys(n, where, Set.of("role", "router_id", "reverse_name", "provider"));
    String roleText = text(n, "role", where + ".role", null);
    Topology.Role role;
    try {
      role = Topology.Role.valueOf(roleText.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ".role: unknown role '" + roleText
          + "' (router, client, provider, observer, dns, host)", e);
    }
    Topology.Provider provider = null;
    if (n.has("provider")) {
      JsonNode p = object(n, "provider", where + ".provider");
      String pw = where + ".provider";
      keys(p, pw, Set.of("domain", "port", "priority", "weight", "peer_id"));
      provider = new Topology.Provider(text(p, "domain", pw + ".domain", null),
          integer(p, "port", pw + ".port", 4001), integer(p, "priority", pw + ".priority", 10),
          integer(p, "weight", pw + ".weight", 1),
          emptyToNull(text(p, "peer_id", pw + ".peer_id", "")));
    }
    return new Topology.Node(role, emptyToNull(text(n, "router_id", where + ".router_id", "")),
        emptyToNull(text(n, "reverse_name", where + ".reverse_name", "")), provider);
  }

  private static Topology.Link link(JsonNode l, String where) {
    if (!l.isObject()) {
      throw new IllegalArgumentException(where + ": expected a mapping");
    }
    keys(l, where, Set.of("between", "subnet", "addresses", "delay_ms"));
    List<String> between = pair(l, "between", where + ".between");
    Cidr subnet = Cidr.parse(text(l, "subnet", where + ".subnet", null), where + ".subnet");
    List<String> addresses = l.has("addresses") ? pair(l, "addresses", where + ".addresses")
        : List.of(subnet.host(1), subnet.host(2));
    JsonNode delay = l.get("delay_ms");
    if (delay != null && !delay.isNumber()) {
      throw new IllegalArgumentException(where + ".delay_ms: expected a number of milliseconds");
    }
    return new Topology.Link(between.get(0), between.get(1), subnet, addresses.get(0),
        addresses.get(1), delay == null ? 0 : delay.asDouble());
  }

  private static String emptyToNull(String s) {
    return s.isEmpty() ? null : s;
  }

  private static List<String> pair(JsonNode n, String key, String where) {
    JsonNode v = n.get(key);
    if (v == null || !v.isArray() || v.size() != 2 || !v.get(0).isTextual()
        || !v.get(1).isTextual()) {
      throw new IllegalArgumentException(where + ": expected a list of two names");
    }
    return List.of(v.get(0).asText(), v.get(1).asText());
  }

  private static JsonNode object(JsonNode n, String key, String where) {
    JsonNode v = n.get(key);
    if (v == null || !v.isObject()) {
      throw new IllegalArgumentException(where + ": expected a mapping");
    }
    return v;
  }

  private static String text(JsonNode n, String key, String where, String fallback) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      if (fallback == null) {
        throw new IllegalArgumentException(where + ": is required");
      }
      return fallback;
    }
    if (!v.isValueNode() || v.asText().isBlank()) {
      throw new IllegalArgumentException(where + ": expected a non-empty string");
    }
    return v.asText();
  }

  private static int integer(JsonNode n, String key, String where, int fallback) {
    JsonNode v = n.get(key);
    if (v == null) {
      return fallback;
    }
    if (!v.isInt()) {
      throw new IllegalArgumentException(where + ": expected an integer");
    }
    return v.asInt();
  }

  private static void keys(JsonNode n, String where, Set<String> allowed) {
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!allowed.contains(k)) {
        throw new IllegalArgumentException(where + ": unknown key '" + k + "' (known: "
            + allowed.stream().sorted().toList() + ")");
      }
    }
  }
}
