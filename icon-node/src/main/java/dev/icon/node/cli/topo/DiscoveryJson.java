package dev.icon.node.cli.topo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.icon.tomography.discovery.DiscoveredHop;
import dev.icon.tomography.discovery.TargetReport;
import dev.icon.tomography.dns.ProviderRecord;
import java.util.List;
import org.xbill.DNS.Name;

/**
 * The JSON document {@code icon topo discover} prints: {@code {"targets": [{"target", "error",
 * "hops": [{"ttl", "ip", "rtt_ms", "name"}], "domains_tried": [...], "providers": [{"domain",
 * "srv_target", "port", "priority", "weight", "peerId", "addrs", "target_addresses",
 * "problems"}]}]}}. Names are printed without the trailing dot; absent values are null. Stateless.
 */
final class DiscoveryJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private DiscoveryJson() {}

  /** The document for {@code reports}. */
  static ObjectNode of(List<TargetReport> reports) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode targets = root.putArray("targets");
    reports.forEach(r -> targets.add(target(r)));
    return root;
  }

  private static ObjectNode target(TargetReport r) {
    ObjectNode t = JSON.createObjectNode();
    t.put("target", r.target());
    t.put("error", r.error().orElse(null));
    ArrayNode hops = t.putArray("hops");
    for (DiscoveredHop h : r.hops()) {
      ObjectNode n = hops.addObject();
      n.put("ttl", h.ttl());
      n.put("ip", h.address().map(a -> a.getHostAddress()).orElse(null));
      if (h.rtt().isPresent()) {
        n.put("rtt_ms", h.rtt().getAsDouble());
      } else {
        n.putNull("rtt_ms");
      }
      n.put("name", h.reverseName().map(DiscoveryJson::name).orElse(null));
    }
    ArrayNode domains = t.putArray("domains_tried");
    r.domainsTried().forEach(d -> domains.add(name(d)));
    ArrayNode providers = t.putArray("providers");
    r.providers().forEach(p -> providers.add(provider(p)));
    return t;
  }

  private static ObjectNode provider(ProviderRecord p) {
    ObjectNode n = JSON.createObjectNode();
    n.put("domain", name(p.domain()));
    n.put("srv_target", name(p.srvTarget()));
    n.put("port", p.port());
    n.put("priority", p.priority());
    n.put("weight", p.weight());
    n.put("peerId", p.peerId().map(Object::toString).orElse(null));
    ArrayNode addrs = n.putArray("addrs");
    p.addrs().forEach(a -> addrs.add(a.toString()));
    ArrayNode ips = n.putArray("target_addresses");
    p.targetAddresses().forEach(a -> ips.add(a.getHostAddress()));
    ArrayNode problems = n.putArray("problems");
    p.problems().forEach(problems::add);
    return n;
  }

  private static String name(Name n) {
    return n.toString(true);
  }
}
