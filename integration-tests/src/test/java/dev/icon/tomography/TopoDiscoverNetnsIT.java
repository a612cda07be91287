package dev.icon.tomography;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.testing.BindServer;
import dev.icon.testing.Prerequisites;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ./icon topo discover} run inside the client namespace of client -> r1 -> r2 -> target,
 * against a real BIND listening inside the target namespace (so DNS crosses both routers). The
 * routers' reverse names fall in different domains (r1.fra.isp-a.example, core2.ams.isp-b.example);
 * providers are registered under fra.isp-a.example and ams.isp-b.example, and one under a domain on
 * no path (isp-z.example).
 */
class TopoDiscoverNetnsIT {

  static final PeerId PEER_A = PeerId.fromPublicKey(PrivateKey.generateEd25519().publicKey());
  static final PeerId PEER_B = PeerId.fromPublicKey(PrivateKey.generateEd25519().publicKey());
  static final PeerId PEER_Z = PeerId.fromPublicKey(PrivateKey.generateEd25519().publicKey());
  static NetnsChain chain;
  static BindServer bind;

  @BeforeAll
  static void buildNetworkAndDns() throws Exception {
    Prerequisites.requireRoot();
    Prerequisites.requireBinary("traceroute");
    Prerequisites.requireBinary("named");
    chain = NetnsChain.create(2);
    int port = ThreadLocalRandom.current().nextInt(20_000, 60_000); // a fresh namespace: all free
    bind = BindServer.start(NetnsChain.exec(chain.target()),
        new InetSocketAddress(InetAddress.getByName(chain.targetAddress()), port), Map.of(
            "example.", """
                $TTL 300
                @ IN SOA ns.example. admin.example. 1 3600 600 86400 30
                @ IN NS ns.example.
                ns IN A 10.3.0.2
                _icon._tcp.fra.isp-a IN SRV 10 5 4001 edge.fra.isp-a.example.
                _icon._tcp.fra.isp-a IN TXT "icon-peer=%s" "icon-addr=/ip4/192.0.2.10/tcp/4001"
                edge.fra.isp-a IN A 192.0.2.10
                _icon._tcp.ams.isp-b IN SRV 20 1 4002 edge.ams.isp-b.example.
                _icon._tcp.ams.isp-b IN TXT "icon-peer=%s" "icon-addr=/ip4/192.0.2.20/tcp/4002"
                edge.ams.isp-b IN A 192.0.2.20
                _icon._tcp.isp-z IN SRV 10 5 4009 edge.isp-z.example.
                _icon._tcp.isp-z IN TXT "icon-peer=%s"
                edge.isp-z IN A 192.0.2.90
                """.formatted(PEER_A, PEER_B, PEER_Z),
            "10.in-addr.arpa.", """
                $TTL 300
                @ IN SOA ns.example. admin.example. 1 3600 600 86400 30
                @ IN NS ns.example.
                2.0.1 IN PTR r1.fra.isp-a.example.
                2.0.2 IN PTR core2.ams.isp-b.example.
                2.0.3 IN PTR host.users.isp-c.example.
                """));
  }

  @AfterAll
  static void tearDown() {
    if (bind != null) {
      bind.close();
    }
    if (chain != null) {
      chain.close();
    }
  }

  @Test
  void findsExactlyTheProvidersOnEachPath() throws Exception {
    JsonNode doc = discover("--max-hops", "5", "--parallel", "2", "--probes", "2", "--wait", "1",
        chain.targetAddress(), chain.hopAddress(1));

    JsonNode far = doc.get("targets").get(0);
    assertThat(far.get("target").asText()).isEqualTo(chain.targetAddress());
    assertThat(far.get("error").isNull()).isTrue();
    assertThat(texts(far.get("hops"), "ip")).containsExactly("10.1.0.2", "10.2.0.2", "10.3.0.2");
    assertThat(texts(far.get("hops"), "name")).containsExactly("r1.fra.isp-a.example",
        "core2.ams.isp-b.example", "host.users.isp-c.example");
    assertThat(far.get("hops")).allSatisfy(h -> assertThat(h.get("rtt_ms").asDouble()).isPositive());
    assertThat(strings(far.get("domains_tried"))).containsExactly("fra.isp-a.example",
        "isp-a.example", "ams.isp-b.example", "isp-b.example", "users.isp-c.example",
        "isp-c.example");
    assertThat(texts(far.get("providers"), "srv_target"))
        .containsExactly("edge.fra.isp-a.example", "edge.ams.isp-b.example");
    JsonNode a = far.get("providers").get(0);
    assertThat(a.get("domain").asText()).isEqualTo("fra.isp-a.example");
    assertThat(a.get("port").asInt()).isEqualTo(4001);
    assertThat(a.get("priority").asInt()).isEqualTo(10);
    assertThat(a.get("weight").asInt()).isEqualTo(5);
    assertThat(a.get("peerId").asText()).isEqualTo(PEER_A.toString());
    assertThat(strings(a.get("addrs"))).containsExactly("/ip4/192.0.2.10/tcp/4001");
    assertThat(strings(a.get("target_addresses"))).containsExactly("192.0.2.10");
    assertThat(far.get("providers").get(1).get("peerId").asText()).isEqualTo(PEER_B.toString());

    JsonNode near = doc.get("targets").get(1);
    assertThat(texts(near.get("hops"), "ip")).containsExactly("10.1.0.2");
    assertThat(texts(near.get("providers"), "srv_target")).containsExactly("edge.fra.isp-a.example");
    assertThat(doc.toString()).doesNotContain("isp-z").doesNotContain(PEER_Z.toString());
  }

  @Test
  void aCustomLabelFindsNothingWhereOnlyTheDefaultIsRegistered() throws Exception {
    JsonNode doc = discover("--label", "_other._tcp", "--max-hops", "5", "--wait", "1",
        chain.targetAddress());

    JsonNode t = doc.get("targets").get(0);
    assertThat(t.get("hops")).hasSize(3);
    assertThat(t.get("providers")).isEmpty();
  }

  @Test
  void theMapOfTheTracesRendersWithGraphviz() throws Exception {
    Prerequisites.requireBinary("dot");
    java.nio.file.Path map = java.nio.file.Files.createTempFile("icon-map-", ".json");
    try {
      discover("--max-hops", "5", "--wait", "1", "--self", "10.1.0.1", "--map-out",
          map.toString(), chain.targetAddress());
      JsonNode file = new ObjectMapper().readTree(java.nio.file.Files.readString(map));
      assertThat(StreamSupport.stream(file.get("edges").spliterator(), false)
          .map(e -> e.get("a").asText() + "-" + e.get("b").asText()))
          .containsExactly("10.1.0.1-10.1.0.2", "10.1.0.2-10.2.0.2", "10.2.0.2-10.3.0.2");

      IconCli.Result svg = IconCli.run(List.of(),
          List.of("topo", "show", "--map", map.toString(), "--format", "svg"));

      assertThat(svg.exitCode()).as(svg.stderr()).isZero();
      assertThat(svg.stdout()).contains("<svg").contains("10.2.0.2");
    } finally {
      java.nio.file.Files.deleteIfExists(map);
    }
  }

  private JsonNode discover(String... args) throws Exception {
    List<String> argv = new ArrayList<>(List.of("topo", "discover", "--dns", bind.hostPort()));
    argv.addAll(List.of(args));
    IconCli.Result r = IconCli.run(NetnsChain.exec(chain.client()), argv);
    assertThat(r.exitCode()).as("exit code; stdout:%n%s%nstderr:%n%s", r.stdout(), r.stderr())
        .isZero();
    return new ObjectMapper().readTree(r.stdout());
  }

  private static List<String> texts(JsonNode array, String field) {
    return StreamSupport.stream(array.spliterator(), false).map(n -> n.get(field).asText()).toList();
  }

  private static List<String> strings(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }
}
