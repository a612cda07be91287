package dev.icon.netsim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The zone files a topology's BIND serves: a reverse zone per first octet ({@code
 * 10.in-addr.arpa.}) with a PTR for every address of every node that has a reverse name, and a
 * forward zone per top-level label ({@code example.}) holding the name server and every
 * provider's SRV, TXT and A records. Pure computation.
 */
public final class Zones {

  private Zones() {}

  /**
   * Zone name to zone file text.
   *
   * @param peerIds each provider's peer id (by node name)
   */
  public static Map<String, String> of(Topology t, Map<String, String> peerIds) {
    String nsAddress = t.address(t.dns().node());
    Map<String, StringBuilder> zones = new TreeMap<>();
    for (Map.Entry<String, Topology.Node> e : t.nodes().entrySet()) {
      String name = e.getValue().reverseName();
      if (name == null) {
        continue;
      }
      zone(zones, topLevel(name), nsAddress);
      for (String address : addresses(t, e.getKey())) {
        String[] o = address.split("\\.");
        String zone = o[0] + ".in-addr.arpa.";
        zone(zones, zone, nsAddress).append(o[3]).append('.').append(o[2]).append('.')
            .append(o[1]).append('.').append(zone).append(" IN PTR ").append(name).append(".\n");
      }
    }
    for (Map.Entry<String, Topology.Node> e : t.nodes().entrySet()) {
      Topology.Provider p = e.getValue().provider();
      if (p == null) {
        continue;
      }
      String address = t.address(e.getKey());
      String owner = t.dns().label() + "." + p.domain() + ".";
      String target = e.getKey() + "." + p.domain() + ".";
      zone(zones, topLevel(p.domain()), nsAddress)
          .append(owner).append(" IN SRV ").append(p.priority()).append(' ').append(p.weight())
          .append(' ').append(p.port()).append(' ').append(target).append('\n')
          .append(owner).append(" IN TXT \"icon-peer=").append(peerIds.get(e.getKey()))
          .append("\" \"icon-addr=/ip4/").append(address).append("/tcp/").append(p.port())
          .append("\"\n")
          .append(target).append(" IN A ").append(address).append('\n');
    }
    Map<String, String> out = new LinkedHashMap<>();
    zones.forEach((k, v) -> out.put(k, v.toString()));
    return out;
  }

  private static StringBuilder zone(Map<String, StringBuilder> zones, String zone, String ns) {
    return zones.computeIfAbsent(zone, z -> new StringBuilder()
        .append("$TTL 300\n")
        .append("@ IN SOA ns.").append(z).append(" admin.").append(z)
        .append(" 1 3600 600 86400 30\n")
        .append("@ IN NS ns.").append(z).append('\n')
        .append("ns.").append(z).append(" IN A ").append(ns).append('\n'));
  }

  private static String topLevel(String name) {
    return name.substring(name.lastIndexOf('.') + 1) + ".";
  }

  private static Iterable<String> addresses(Topology t, String node) {
    java.util.List<String> all = new java.util.ArrayList<>();
    if (t.node(node).routerId() != null) {
      all.add(t.node(node).routerId());
    }
    t.linksOf(node).forEach(l -> all.add(l.addressOf(node)));
    return all;
  }
}
