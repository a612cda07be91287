package dev.icon.netsim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A mini internet as declared in a topology file ({@link TopologyYaml}): nodes, the links between
 * them with their subnets and one-way delays, the DNS node, and the providers' registrations.
 * Immutable; the constructor checks every cross-reference and names the field at fault.
 *
 * @param nodes every node by name, in file order
 * @param links every link, in file order
 * @param dns where BIND runs and on which port
 */
public record Topology(Map<String, Node> nodes, List<Link> links, Dns dns) {

  private static final Pattern NODE_NAME = Pattern.compile("[a-z][a-z0-9-]{0,11}");
  private static final Pattern DNS_NAME =
      Pattern.compile("([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z]([a-z0-9-]*[a-z0-9])?");

  /** What a node is; everything but {@link #ROUTER} is an end host with exactly one link. */
  public enum Role {
    /** Forwards packets; answers traceroute from its router id. */
    ROUTER,
    /** Where users are (a traceroute and ping target). */
    CLIENT,
    /** An edge provider, registered in DNS under its domain. */
    PROVIDER,
    /** An ICON host or origin that runs discovery. */
    OBSERVER,
    /** Runs BIND with the reverse and provider zones. */
    DNS,
    /** Any other end host. */
    HOST
  }

  /**
   * One node.
   *
   * @param role what it is
   * @param routerId a router's own address (on its loopback): every route it holds uses it as
   *     source, so it answers traceroute with this address from whichever side it is probed
   *     (null for hosts)
   * @param reverseName the PTR name of all its addresses, e.g. {@code r2.fra.isp-a.example} (may
   *     be null: no PTR)
   * @param provider a provider's DNS registration (providers only)
   */
  public record Node(Role role, String routerId, String reverseName, Provider provider) {}

  /**
   * A provider's registration: SRV at {@code <label>.<domain>} pointing at {@code
   * <node>.<domain>} (A: the provider's address), TXT {@code icon-peer=<peer id>} and {@code
   * icon-addr=/ip4/<address>/tcp/<port>}.
   *
   * @param domain the domain it registers under
   * @param port its libp2p port
   * @param priority SRV priority
   * @param weight SRV weight
   * @param peerId its peer id, or null to have one generated per run
   */
  public record Provider(String domain, int port, int priority, int weight, String peerId) {}

  /**
   * A link between two nodes (a veth pair).
   *
   * @param a the first node
   * @param b the second node
   * @param subnet its IPv4 subnet (CIDR, /30 or larger)
   * @param addressA {@code a}'s address on it
   * @param addressB {@code b}'s address on it
   * @param delayMillis one-way delay added in each direction (an RTT across it grows by twice
   *     this); 0 for none
   */
  public record Link(String a, String b, Cidr subnet, String addressA, String addressB,
      double delayMillis) {

    /** The address of {@code node} on this link. */
    public String addressOf(String node) {
      return node.equals(a) ? addressA : addressB;
    }

    /** The other end. */
    public String peerOf(String node) {
      return node.equals(a) ? b : a;
    }

    /** Whether {@code node} is one end. */
    public boolean touches(String node) {
      return a.equals(node) || b.equals(node);
    }
  }

  /**
   * The DNS server.
   *
   * @param node the node (role dns) BIND runs in, listening on its address
   * @param port the port it listens on (UDP and TCP)
   * @param label the service label providers register under
   */
  public record Dns(String node, int port, String label) {}

  public Topology {
    nodes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
    links = List.copyOf(links);
    Objects.requireNonNull(dns, "dns");
    validate(nodes, links, dns);
  }

  /** The node named {@code name}; fails naming it when there is none. */
  public Node node(String name) {
    Node n = nodes.get(name);
    if (n == null) {
      throw new IllegalArgumentException("no node '" + name + "' in the topology");
    }
    return n;
  }

  /** The links of {@code node}, in file order. */
  public List<Link> linksOf(String node) {
    return links.stream().filter(l -> l.touches(node)).toList();
  }

  /**
   * The address others reach {@code node} by: a router's id, a host's address on its link.
   */
  public String address(String node) {
    Node n = node(node);
    return n.role() == Role.ROUTER ? n.routerId() : linksOf(node).get(0).addressOf(node);
  }

  /** Names of the nodes with {@code role}, in file order. */
  public List<String> nodesWith(Role role) {
    return nodes.entrySet().stream().filter(e -> e.getValue().role() == role)
        .map(Map.Entry::getKey).toList();
  }

  /** The link between two nodes, if they are neighbours. */
  public Optional<Link> link(String x, String y) {
    return links.stream().filter(l -> l.touches(x) && l.touches(y) && !x.equals(y)).findFirst();
  }

  private static void validate(Map<String, Node> nodes, List<Link> links, Dns dns) {
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("nodes: at least one node is needed");
    }
    Set<String> addresses = new HashSet<>();
    for (Map.Entry<String, Node> e : nodes.entrySet()) {
      String where = "nodes." + e.getKey();
      Node n = e.getValue();
      check(NODE_NAME.matcher(e.getKey()).matches() && !e.getKey().equals("lo")
          && !e.getKey().startsWith("dly"), where, "a node name is 1-12 of [a-z0-9-], starting"
          + " with a letter, not 'lo' nor 'dly...' (it names interfaces)");
      check(n.role() != null, where + ".role", "is required");
      if (n.role() == Role.ROUTER) {
        check(n.routerId() != null, where + ".router_id", "is required for a router");
        Cidr.parseAddress(n.routerId(), where + ".router_id");
        check(addresses.add(n.routerId()), where + ".router_id", "is used twice: " + n.routerId());
      } else {
        check(n.routerId() == null, where + ".router_id", "only routers have one");
      }
      check(n.reverseName() == null || DNS_NAME.matcher(n.reverseName()).matches(),
          where + ".reverse_name", "is not a DNS name: " + n.reverseName());
      check((n.provider() != null) == (n.role() == Role.PROVIDER), where + ".provider",
          "is required for a provider and only allowed there");
      if (n.provider() != null) {
        Provider p = n.provider();
        check(p.domain() != null && DNS_NAME.matcher(p.domain()).matches(),
            where + ".provider.domain", "is not a DNS name: " + p.domain());
        check(p.port() > 0 && p.port() < 65536, where + ".provider.port", "must be 1..65535");
        check(p.priority() >= 0 && p.priority() < 65536 && p.weight() >= 0 && p.weight() < 65536,
            where + ".provider", "priority and weight must be 0..65535");
      }
    }
    Set<String> pairs = new HashSet<>();
    for (int i = 0; i < links.size(); i++) {
      Link l = links.get(i);
      String where = "links[" + i + "]";
      check(nodes.containsKey(l.a()) && nodes.containsKey(l.b()), where + ".between",
          "names an unknown node: " + l.a() + ", " + l.b());
      check(!l.a().equals(l.b()), where + ".between", "joins " + l.a() + " to itself");
      check(pairs.add(l.a().compareTo(l.b()) < 0 ? l.a() + " " + l.b() : l.b() + " " + l.a()),
          where + ".between", "a second link between " + l.a() + " and " + l.b());
      check(l.delayMillis() >= 0 && l.delayMillis() <= 10_000, where + ".delay_ms",
          "must be 0..10000, was " + l.delayMillis());
      for (String addr : List.of(l.addressA(), l.addressB())) {
        check(l.subnet().contains(addr), where + ".addresses", addr + " is not in " + l.subnet());
        check(addresses.add(addr), where + ".addresses", addr + " is used twice");
      }
    }
    for (int i = 0; i < links.size(); i++) {
      for (int j = 0; j < i; j++) {
        check(!links.get(i).subnet().overlaps(links.get(j).subnet()), "links[" + i + "].subnet",
            links.get(i).subnet() + " overlaps links[" + j + "]'s " + links.get(j).subnet());
      }
    }
    for (Map.Entry<String, Node> e : nodes.entrySet()) {
      String id = e.getValue().routerId();
      check(id == null || links.stream().noneMatch(l -> l.subnet().covers(id)),
          "nodes." + e.getKey() + ".router_id", id + " lies in a link's subnet");
    }
    List<String> lonely = new ArrayList<>();
    for (Map.Entry<String, Node> e : nodes.entrySet()) {
      long count = links.stream().filter(l -> l.touches(e.getKey())).count();
      if (e.getValue().role() != Role.ROUTER && count != 1) {
        lonely.add(e.getKey() + " (" + count + ")");
      }
    }
    check(lonely.isEmpty(), "links", "every host needs exactly one link: " + lonely);
    check(nodes.containsKey(dns.node()) && nodes.get(dns.node()).role() == Role.DNS, "dns.node",
        "must name a node with role dns, was " + dns.node());
    check(dns.port() > 0 && dns.port() < 65536, "dns.port", "must be 1..65535");
    check(dns.label() != null && dns.label().matches("(_[a-z0-9-]+\\.)*_[a-z0-9-]+"),
        "dns.label", "must be like _icon._tcp, was " + dns.label());
  }

  static void check(boolean ok, String field, String message) {
    if (!ok) {
      throw new IllegalArgumentException(field + ": " + message);
    }
  }
}
