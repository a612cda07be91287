package dev.icon.netsim;

import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.testing.BindServer;
import dev.icon.testing.Prerequisites;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Topology} brought up as network namespaces: one per node ({@code <prefix><node>}),
 * veth pairs for links (each end named after the node at the other end), addresses, static
 * routes ({@link RoutePlan}), forwarding on routers, ICMP rate limits off, link delays ({@link
 * DelayForwarders}) and BIND in the DNS node with the reverse and provider zones ({@link Zones}).
 * Needs root, {@code ip}, {@code named} and {@code gcc} (checked through {@link Prerequisites}).
 *
 * <p>{@link #close()} stops everything and deletes every namespace it made, also when called
 * after a failed start; a JVM shutdown hook does the same if the JVM exits first, and {@link
 * #start} first sweeps namespaces left by test JVMs that are gone. Every packet starts inside a
 * namespace: nothing here sends from the host's namespace.
 *
 * <p>Not thread-safe for start/close; {@link #exec} may be called from several threads.
 */
public final class MiniInternet implements AutoCloseable {

  private final Topology topology;
  private final String prefix;
  private final RoutePlan routes;
  private final Map<String, String> peerIds = new LinkedHashMap<>();
  private final List<String> namespaces = new ArrayList<>();
  private final List<Process> forwarders = new ArrayList<>();
  private final Thread hook = new Thread(this::teardown, "netsim-teardown");
  private BindServer bind;

  private MiniInternet(Topology topology, String prefix) {
    this.topology = topology;
    this.prefix = prefix;
    this.routes = new RoutePlan(topology);
  }

  /** Brings {@code topology} up under this JVM's prefix ({@code icmi<pid>-}), for a test. */
  public static MiniInternet start(Topology topology) throws IOException {
    Prerequisites.requireRoot();
    for (String b : List.of("ip", "named", "gcc")) {
      Prerequisites.requireBinary(b);
    }
    for (String ns : Namespaces.sweepDeadRuns()) {
      System.err.println("netsim: deleted namespace " + ns + " left by an earlier run");
    }
    MiniInternet net = new MiniInternet(topology, Namespaces.runPrefix());
    Runtime.getRuntime().addShutdownHook(net.hook);
    try {
      net.build(true);
    } catch (IOException | RuntimeException e) {
      net.close();
      throw e;
    }
    return net;
  }

  /**
   * Brings {@code topology} up under {@code prefix} and leaves it running when this JVM exits
   * (by hand: {@link MiniInternetMain} {@code up}); {@link #down} removes it.
   */
  static MiniInternet startDetached(Topology topology, String prefix) throws IOException {
    MiniInternet net = new MiniInternet(topology, prefix);
    try {
      net.build(false);
    } catch (IOException | RuntimeException e) {
      net.teardown();
      throw e;
    }
    return net;
  }

  /** Deletes every namespace starting with {@code prefix} and what runs inside. */
  static List<String> down(String prefix) throws IOException {
    List<String> all = Namespaces.list(prefix);
    all.forEach(Namespaces::delete);
    return all;
  }

  private void build(boolean tiedToJvm) throws IOException {
    for (Map.Entry<String, Topology.Node> e : topology.nodes().entrySet()) {
      Topology.Provider p = e.getValue().provider();
      if (p != null) {
        peerIds.put(e.getKey(), p.peerId() != null ? p.peerId()
            : PeerId.fromPublicKey(PrivateKey.generateEd25519().publicKey()).toString());
      }
    }
    for (String node : topology.nodes().keySet()) {
      String ns = namespace(node);
      Commands.check("ip", "netns", "add", ns);
      namespaces.add(ns);
      boolean forwards = topology.node(node).role() == Topology.Role.ROUTER
          || topology.linksOf(node).stream().anyMatch(l -> l.delayMillis() > 0);
      Commands.checkIn(ns, "sysctl", "-qw", "net.ipv4.icmp_ratelimit=0",
          "net.ipv4.icmp_msgs_per_sec=100000", "net.ipv4.icmp_msgs_burst=100000",
          "net.ipv4.conf.all.rp_filter=0", "net.ipv4.conf.default.rp_filter=0",
          "net.ipv4.conf.all.send_redirects=0", "net.ipv4.conf.default.send_redirects=0",
          "net.ipv4.ip_forward=" + (forwards ? 1 : 0));
    }
    for (int k = 0; k < topology.links().size(); k++) {
      Topology.Link l = topology.links().get(k);
      Commands.check("ip", "link", "add", RoutePlan.interfaceName(l.a(), l), "netns",
          namespace(l.a()), "type", "veth", "peer", "name", RoutePlan.interfaceName(l.b(), l),
          "netns", namespace(l.b()));
    }
    for (String node : topology.nodes().keySet()) {
      configure(node, tiedToJvm);
    }
    String dnsNode = topology.dns().node();
    bind = BindServer.start(Commands.inNamespace(namespace(dnsNode)), new InetSocketAddress(
        InetAddress.getByName(topology.address(dnsNode)), topology.dns().port()),
        Zones.of(topology, peerIds));
  }

  private void configure(String node, boolean tiedToJvm) throws IOException {
    String ns = namespace(node);
    List<String> ip = new ArrayList<>(List.of("link set lo up"));
    Topology.Node n = topology.node(node);
    if (n.routerId() != null) {
      ip.add("addr add " + n.routerId() + "/32 dev lo");
    }
    for (Topology.Link l : topology.linksOf(node)) {
      String dev = RoutePlan.interfaceName(node, l);
      ip.add("addr add " + l.addressOf(node) + "/" + l.subnet().length() + " dev " + dev
          + " noprefixroute");
      ip.add("link set " + dev + " up");
    }
    boolean delayed = false;
    for (RoutePlan.Route r : routes.routes(node)) {
      ip.add("route add " + route(node, r, false));
      delayed |= r.link().delayMillis() > 0;
    }
    Commands.ipBatch(ns, ip);
    if (!delayed) {
      return;
    }
    List<String> detours = new ArrayList<>();
    for (Topology.Link l : topology.linksOf(node)) {
      if (l.delayMillis() > 0) {
        forwarders.add(DelayForwarders.start(ns, topology.links().indexOf(l), l.delayMillis(),
            tiedToJvm));
      }
    }
    for (RoutePlan.Route r : routes.routes(node)) {
      detours.add("route add " + route(node, r, true) + " table " + DelayForwarders.TABLE);
    }
    detours.add("rule add lookup " + DelayForwarders.TABLE + " pref 200");
    Commands.ipBatch(ns, detours);
  }

  /** One route as ip(8) words; with {@code detour}, a delayed link's route enters its TUN. */
  private String route(String node, RoutePlan.Route r, boolean detour) {
    Topology.Link l = r.link();
    if (detour && l.delayMillis() > 0) {
      return r.prefix() + " dev " + DelayForwarders.inDevice(topology.links().indexOf(l))
          + " src " + r.source();
    }
    String dev = RoutePlan.interfaceName(node, l);
    return r.prefix() + (r.via() == null ? " dev " + dev + " scope link"
        : " via " + r.via() + " dev " + dev) + " src " + r.source();
  }

  /** The topology. */
  public Topology topology() {
    return topology;
  }

  /** The routes (and configured path delays). */
  public RoutePlan routes() {
    return routes;
  }

  /** The namespace of {@code node}. */
  public String namespace(String node) {
    topology.node(node);
    return prefix + node;
  }

  /** The words that run a command inside {@code node} (for a runner's command prefix). */
  public List<String> execPrefix(String node) {
    return Commands.inNamespace(namespace(node));
  }

  /** Runs {@code command} inside {@code node} (60 s at most), whatever its exit code. */
  public Commands.Result exec(String node, String... command) throws IOException {
    List<String> argv = new ArrayList<>(execPrefix(node));
    argv.addAll(List.of(command));
    return Commands.run(argv, Duration.ofSeconds(60));
  }

  /** The address others reach {@code node} by (a router's id, a host's link address). */
  public String address(String node) {
    return topology.address(node);
  }

  /** {@code address:port} of the DNS server. */
  public String dnsHostPort() {
    return topology.address(topology.dns().node()) + ":" + topology.dns().port();
  }

  /** The peer id in the TXT record of provider {@code node}. */
  public String peerId(String node) {
    String id = peerIds.get(node);
    if (id == null) {
      throw new IllegalArgumentException(node + " is not a provider");
    }
    return id;
  }

  @Override
  public void close() {
    teardown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run
    }
  }

  private synchronized void teardown() {
    if (bind != null) {
      bind.close();
      bind = null;
    }
    forwarders.forEach(DelayForwarders::stop);
    forwarders.clear();
    namespaces.forEach(Namespaces::delete);
    namespaces.clear();
  }
}
