package dev.icon.tomography;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.icon.netsim.MiniInternet;
import dev.icon.netsim.TopologyYaml;
import dev.icon.testing.Prerequisites;
import dev.icon.tomography.discovery.DiscoveredHop;
import dev.icon.tomography.discovery.TargetReport;
import dev.icon.tomography.map.MapConfig;
import dev.icon.tomography.map.MapSnapshot;
import dev.icon.tomography.map.RttEstimator;
import dev.icon.tomography.map.TopologyMap;
import dev.icon.tomography.map.TraceEdges;
import dev.icon.tomography.traceroute.ProcessTracerouteRunner;
import dev.icon.tomography.traceroute.TracerouteConfig;
import dev.icon.tomography.traceroute.TracerouteHop;
import dev.icon.tomography.traceroute.TracerouteResult;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 6's proof in a mini internet ({@code netsim/three-regions.yaml}, brought up by {@link
 * MiniInternet}): three client regions behind a transit core, the origin 20 ms (one-way) away,
 * providers on the paths to two regions and one under a domain on no path, link delays from
 * 0.5 ms to 20 ms made by the TUN delay forwarder.
 *
 * <ul>
 *   <li>ping inside the namespaces matches the configured delays (the harness is what it says);
 *   <li>{@code ./icon topo discover}, run in the origin's namespace against BIND in the DNS node,
 *       finds exactly the providers on each client's path;
 *   <li>the RTT between every provider and every client, estimated from a map of the origin's
 *       traceroutes to the clients and each provider's traceroute to the origin (each run inside
 *       its own namespace), is within 20% or 2 ms of ping between them;
 *   <li>the maps of two observers (the origin and origin2 at fra's gateway, each tracing from its
 *       namespace, each an in-JVM host sharing its map over real gossip on loopback) merge into
 *       their union on both, and the origin then estimates a path only origin2 traced.
 * </ul>
 */
class TomographyMiniInternetIT {

  static final List<String> CLIENTS = List.of("client-fra", "client-ams", "client-nyc");
  static final List<String> PROVIDERS = List.of("edge-fra", "edge-ams", "edge-lon");
  static final Pattern PING_RTT = Pattern.compile("= ([\\d.]+)/([\\d.]+)/([\\d.]+)/");
  static MiniInternet net;
  static final Map<String, Double> pings = new ConcurrentHashMap<>();

  @BeforeAll
  static void up() throws Exception {
    Prerequisites.requireRoot();
    for (String b : List.of("traceroute", "ping", "named", "gcc")) {
      Prerequisites.requireBinary(b);
    }
    net = MiniInternet.start(TopologyYaml.resource("netsim/three-regions.yaml"));
  }

  @AfterAll
  static void down() {
    if (net != null) {
      net.close();
    }
  }

  @Test
  void pingInsideTheNamespacesMatchesTheConfiguredDelays() throws Exception {
    List<String[]> pairs = new ArrayList<>();
    CLIENTS.forEach(c -> pairs.add(new String[] {"origin", c}));
    PROVIDERS.forEach(p -> CLIENTS.forEach(c -> pairs.add(new String[] {p, c})));
    for (String[] pair : pairs) {
      double configured = net.routes().configuredRttMillis(pair[0], pair[1]);
      double measured = ping(pair[0], pair[1]);
      System.out.printf("netsim ping %s -> %s: configured %.1f ms, measured %.2f ms%n", pair[0],
          pair[1], configured, measured);
      assertThat(measured).as("ping %s -> %s", pair[0], pair[1])
          .isBetween(configured, configured * 1.1 + 1);
    }
  }

  @Test
  void discoveryFindsExactlyTheProvidersOnEachClientsPath() throws Exception {
    List<String> argv = new ArrayList<>(List.of("topo", "discover", "--dns", net.dnsHostPort(),
        "--max-hops", "8", "--probes", "2", "--wait", "1", "--parallel", "3"));
    CLIENTS.forEach(c -> argv.add(net.address(c)));
    IconCli.Result r = IconCli.run(net.execPrefix("origin"), argv);
    assertThat(r.exitCode()).as("exit; stdout:%n%s%nstderr:%n%s", r.stdout(), r.stderr()).isZero();
    JsonNode targets = new ObjectMapper().readTree(r.stdout()).get("targets");

    Map<String, List<String>> expected = Map.of("client-fra", List.of("edge-fra"),
        "client-ams", List.of("edge-ams"), "client-nyc", List.of());
    Map<String, List<String>> regionHops = Map.of(
        "client-fra", List.of("gw1.fra.isp-a.example", "r2.fra.isp-a.example"),
        "client-ams", List.of("gw1.ams.isp-b.example", "r2.ams.isp-b.example"),
        "client-nyc", List.of("gw1.nyc.isp-c.example", "r2.nyc.isp-c.example"));
    for (int i = 0; i < CLIENTS.size(); i++) {
      String client = CLIENTS.get(i);
      JsonNode t = targets.get(i);
      assertThat(t.get("target").asText()).isEqualTo(net.address(client));
      List<String> names = new ArrayList<>(List.of("core1.cloud.transit-t.example"));
      names.addAll(regionHops.get(client));
      assertThat(texts(t.get("hops"), "name")).as("hop names to %s", client)
          .startsWith(names.toArray(String[]::new)).hasSize(4);
      assertThat(texts(t.get("hops"), "ip").get(3)).isEqualTo(net.address(client));
      List<String> found = texts(t.get("providers"), "srv_target");
      assertThat(found).as("providers on the path to %s", client).containsExactlyElementsOf(
          expected.get(client).stream().map(p -> p + "." + domain(p)).toList());
      for (JsonNode p : t.get("providers")) {
        String node = p.get("srv_target").asText().split("\\.")[0];
        assertThat(p.get("peerId").asText()).isEqualTo(net.peerId(node));
        assertThat(texts(p.get("addrs"), null)).containsExactly(
            "/ip4/" + net.address(node) + "/tcp/" + net.topology().node(node).provider().port());
      }
    }
    assertThat(r.stdout()).doesNotContain("edge-lon").doesNotContain(net.peerId("edge-lon"));
  }

  @Test
  void estimatedProviderToClientRttsMatchPing() throws Exception {
    TopologyMap map = new TopologyMap(MapConfig.defaults(), Clock.systemUTC());
    for (TargetReport report : trace("origin", CLIENTS.stream().map(net::address).toList())) {
      assertThat(report.error()).isEmpty();
      TraceEdges.record(map, report, net.address("origin"), "origin", Clock.systemUTC().instant());
    }
    for (String p : PROVIDERS) {
      TargetReport report = trace(p, List.of(net.address("origin"))).get(0);
      assertThat(report.error()).isEmpty();
      TraceEdges.record(map, report, net.address(p), p, Clock.systemUTC().instant());
    }
    MapSnapshot snapshot = map.snapshot();
    List<String> misses = new ArrayList<>();
    for (String p : PROVIDERS) {
      for (String c : CLIENTS) {
        double estimate = RttEstimator.estimate(snapshot, net.address(p), net.address(c))
            .orElseThrow(() -> new AssertionError("no estimate " + p + " -> " + c));
        double measured = ping(p, c);
        double error = Math.abs(estimate - measured);
        System.out.printf("netsim estimate %s -> %s: estimated %.2f ms, ping %.2f ms,"
            + " configured %.1f ms, error %.2f ms (%.1f%%)%n", p, c, estimate, measured,
            net.routes().configuredRttMillis(p, c), error, 100 * error / measured);
        if (error > Math.max(0.2 * measured, 2)) {
          misses.add(p + " -> " + c + ": estimated " + estimate + ", ping " + measured);
        }
      }
    }
    assertThat(misses).as("estimates off by more than 20%% or 2 ms").isEmpty();
  }

  @Test
  void mapsOfTwoObserversExchangedOverGossipMergeIntoTheirUnionOnBoth() throws Exception {
    try (SharingObservers observers = new SharingObservers()) {
      SharingObservers.Observer a = observers.start();
      SharingObservers.Observer b = observers.start();
      // Each traces from its own namespace: the origin (in the cloud) two regions, origin2 (at
      // fra's gateway) nyc and fra; both see the path into fra.
      learn(a, "origin", List.of("client-fra", "client-ams"));
      learn(b, "origin2", List.of("client-nyc", "client-fra"));
      MapSnapshot alone = a.map().snapshot();
      assertThat(RttEstimator.estimate(alone, net.address("origin"), net.address("client-nyc")))
          .as("the origin alone knows no path to nyc").isEmpty();
      TopologyMap union = new TopologyMap(MapConfig.defaults(), Clock.systemUTC());
      union.mergeAll(alone);
      union.mergeAll(b.map().snapshot());
      MapSnapshot expected = union.snapshot();
      assertThat(expected.edges()).hasSizeGreaterThan(
          Math.max(alone.edges().size(), b.map().edgeCount()));

      SharingObservers.connect(a, b);

      Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
          .untilAsserted(() -> {
            assertThat(a.map().snapshot()).isEqualTo(expected);
            assertThat(b.map().snapshot()).isEqualTo(expected);
          });
      assertThat(a.sharing().stats().refused()).isEmpty();
      assertThat(b.sharing().stats().refused()).isEmpty();
      double estimate = RttEstimator.estimate(a.map().snapshot(), net.address("origin"),
          net.address("client-nyc")).orElseThrow();
      double measured = ping("origin", "client-nyc");
      System.out.printf("netsim shared estimate origin -> client-nyc (origin's first hop, origin2's"
          + " path): estimated %.2f ms, ping %.2f ms%n", estimate, measured);
      assertThat(Math.abs(estimate - measured)).isLessThanOrEqualTo(Math.max(0.2 * measured, 2));
    }
  }

  /** Traces {@code clients} from {@code node}'s namespace into the observer's map. */
  private static void learn(SharingObservers.Observer o, String node, List<String> clients)
      throws Exception {
    for (TargetReport r : trace(node, clients.stream().map(net::address).toList())) {
      assertThat(r.error()).isEmpty();
      TraceEdges.record(o.map(), r, net.address(node), o.sharing().observer(),
          Clock.systemUTC().instant());
    }
  }

  /** Traceroutes from {@code node}'s namespace, as discovery reports without DNS names. */
  static List<TargetReport> trace(String node, List<String> targets) throws Exception {
    TracerouteConfig config = TracerouteConfig.builder().commandPrefix(net.execPrefix(node))
        .maxHops(8).probesPerHop(3).probeWait(Duration.ofSeconds(1)).parallelism(3)
        .runTimeout(Duration.ofSeconds(30)).build();
    List<TargetReport> out = new ArrayList<>();
    try (ProcessTracerouteRunner runner = new ProcessTracerouteRunner(config)) {
      for (String target : targets) {
        out.add(report(target, runner.trace(target).join()));
      }
    }
    return out;
  }

  static TargetReport report(String target, TracerouteResult result) {
    List<DiscoveredHop> hops = new ArrayList<>();
    for (TracerouteHop h : result.hops()) {
      if (h.isSilent()) {
        hops.add(new DiscoveredHop(h.ttl(), null, Double.NaN, null));
      }
      for (InetAddress a : h.addresses()) {
        hops.add(new DiscoveredHop(h.ttl(), a, h.minRttMillis(a).orElse(Double.NaN), null));
      }
    }
    return new TargetReport(target, hops, List.of(), List.of(), Optional.empty());
  }

  /** The average of 10 pings from {@code from}'s namespace to {@code to} (kept per pair). */
  static double ping(String from, String to) throws Exception {
    String key = from + " " + to;
    Double known = pings.get(key);
    if (known != null) {
      return known;
    }
    var r = net.exec(from, "ping", "-n", "-q", "-c", "10", "-i", "0.1", "-W", "2",
        net.address(to));
    Matcher m = PING_RTT.matcher(r.stdout());
    assertThat(m.find()).as("ping %s -> %s: %s %s", from, to, r.stdout(), r.stderr()).isTrue();
    double avg = Double.parseDouble(m.group(2));
    pings.put(key, avg);
    return avg;
  }

  static String domain(String provider) {
    return net.topology().node(provider).provider().domain();
  }

  static List<String> texts(JsonNode array, String field) {
    if (field == null) {
      return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
    return StreamSupport.stream(array.spliterator(), false)
        .map(n -> n.get(field).isNull() ? null : n.get(field).asText()).toList();
  }
}
