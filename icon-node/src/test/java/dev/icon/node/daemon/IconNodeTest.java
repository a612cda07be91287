package dev.icon.node.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.icon.gossip.api.GossipBuilder;
import dev.icon.gossip.api.PubSub;
import dev.icon.node.config.AdminSettings;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.identity.PrivateKey;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import dev.icon.node.config.ConfigException;
import dev.icon.node.config.NodeConfig;
import dev.icon.node.config.NodeConfigParser;
import java.net.ConnectException;
import dev.icon.overlay.multiaddr.Multiaddr;
import dev.icon.testing.BindServer;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two real nodes on loopback, asked over real HTTP. */
class IconNodeTest {

  private static final String TOKEN = "test-token-0123456789abcdef";

  @TempDir Path dir;
  private final List<IconNode> nodes = new ArrayList<>();
  private final List<String> events = new CopyOnWriteArrayList<>();

  @AfterEach
  void stopAll() {
    nodes.forEach(IconNode::stop);
  }

  private IconNode start(String yaml) throws Exception {
    NodeConfig config = NodeConfigParser.parse(yaml);
    IconNode node = new IconNode(config, (e, f) -> events.add(e + " " + f));
    nodes.add(node);
    node.start();
    return node;
  }

  private static AdminClient admin(IconNode node, String token) {
    return new AdminClient(node.adminAddress().orElseThrow(), token);
  }

  @Test
  void aProviderJoinsABootstrapNodeAndBothReportEachOther() throws Exception {
    IconNode boot = start("""
        roles: [bootstrap]
        data_dir: %s
        admin: {port: 0}
        """.formatted(dir.resolve("boot")));
    String bootAddr = boot.host().orElseThrow().dialAddrs().get(0).toString();
    IconNode provider = start("""
        roles: [provider]
        data_dir: %s
        bootstrap: [%s]
        provider: {announce_interval_ms: 300, capacity: {cpu_millis: 1500}}
        admin: {port: 0, token: %s}
        """.formatted(dir.resolve("prov"), bootAddr, TOKEN));
    String bootId = boot.host().orElseThrow().peerId().toBase58();
    String provId = provider.host().orElseThrow().peerId().toBase58();
    AdminClient bootAdmin = admin(boot, null);
    AdminClient provAdmin = admin(provider, TOKEN);

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      JsonNode b = bootAdmin.status();
      assertThat(b.at("/peers/ids").toString()).contains(provId);
      assertThat(b.at("/dht/routingTable").asInt()).isGreaterThanOrEqualTo(1);
      assertThat(b.at("/services/providers/known").toString()).contains(provId);
      JsonNode p = provAdmin.status();
      assertThat(p.at("/peers/ids").toString()).contains(bootId);
      assertThat(p.at("/gossip/topics").has("/icon/providers/1")).isTrue();
    });
    JsonNode p = provAdmin.status();
    assertThat(p.at("/peerId").asText()).isEqualTo(provId);
    assertThat(p.at("/roles").toString()).isEqualTo("[\"provider\"]");
    assertThat(p.at("/addrs/0").asText()).endsWith("/p2p/" + provId);
    assertThat(p.at("/dht/mode").asText()).isEqualTo("server");
    assertThat(p.at("/gossip/enabled").asBoolean()).isTrue();
    assertThat(p.at("/gossip/topics").has("/icon/topology/1")).isTrue();
    assertThat(p.at("/services/negotiate/state").asText()).isEqualTo("RUNNING");
    assertThat(p.at("/services/negotiate/agreements").asInt()).isZero();
    assertThat(p.at("/services/negotiate/freeCpuMillis").asLong()).isEqualTo(1500);
    assertThat(p.at("/services/yard/state").asText()).isEqualTo("RUNNING");
    assertThat(p.at("/services/yard/runtime").asText()).isIn("docker", "process");
    assertThat(p.at("/services/yard/freeCpuMillis").asLong()).isEqualTo(1500);
    assertThat(p.at("/services/topology/state").asText()).isEqualTo("RUNNING");
    assertThat(p.at("/services/probe/state").asText()).isEqualTo("RUNNING");
    assertThat(p.at("/services/providers/provider").asBoolean()).isTrue();
    assertThat(bootAdmin.status().at("/services").has("negotiate")).isFalse();
    assertThat(events).anyMatch(e -> e.startsWith("node-up")).anyMatch(e -> e.startsWith("bootstrapped"));

    String metrics = provAdmin.body("/metrics");
    assertThat(metrics).contains("icon_gossip_").contains("jvm_memory_used_bytes")
        .contains("jvm_threads_live_threads").containsPattern("icon_node_peers_connected [1-9]")
        .contains("icon_node_agreements 0.0").contains("icon_node_capacity_free_cpu_millis 1500.0");
    assertThat(bootAdmin.body("/metrics")).contains("icon_node_providers_known 1.0")
        .doesNotContain("icon_node_agreements");
    assertThat(provAdmin.body("/health")).contains("UP");

    assertNoPrivateKey(dir.resolve("prov/identity.key"), provAdmin.body("/status"), metrics,
        String.join("\n", events));
    assertNoPrivateKey(dir.resolve("boot/identity.key"), bootAdmin.body("/status"),
        bootAdmin.body("/metrics"));
  }

  @Test
  void malformedProviderAnnouncementsAreRejectedAndCounted() throws Exception {
    IconNode node = start("""
        data_dir: %s
        admin: {port: 0}
        probe: {enabled: false}
        """.formatted(dir.resolve("v")));
    PrivateKey key = PrivateKey.generateEd25519();
    Host forger = Host.builder().identity(key).listen("/ip4/127.0.0.1/tcp/0").build();
    forger.start().get(10, TimeUnit.SECONDS);
    try (PubSub pubsub = GossipBuilder.on(forger).identity(key).build()) {
      pubsub.subscribe("/icon/providers/1", m -> { });
      forger.dial(node.host().orElseThrow().dialAddrs().get(0)).get(10, TimeUnit.SECONDS);
      AdminClient c = admin(node, null);
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
        pubsub.publish("/icon/providers/1", "{\"addrs\":42}".getBytes(StandardCharsets.UTF_8))
            .exceptionally(e -> null).get(5, TimeUnit.SECONDS);
        assertThat(c.status().at("/services/providers/rejectedAnnouncements").asLong())
            .isPositive();
      });
      assertThat(c.status().at("/services/providers/known").size()).isZero();
    } finally {
      forger.stop().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void withATokenEveryRequestNeedsIt() throws Exception {
    IconNode node = start("""
        data_dir: %s
        admin: {port: 0, token: %s}
        probe: {enabled: false}
        """.formatted(dir.resolve("n"), TOKEN));
    AdminClient c = admin(node, TOKEN);
    for (String path : new String[] {"/status", "/metrics", "/health"}) {
      assertThat(c.get(path, null).statusCode()).isEqualTo(401);
      assertThat(c.get(path, TOKEN + "x").statusCode()).isEqualTo(401);
      assertThat(c.get(path, TOKEN).statusCode()).isEqualTo(200);
    }
    assertThat(c.get("/nope", TOKEN).statusCode()).isEqualTo(404);
    assertThat(c.post("/status")).isEqualTo(405);
    assertThat(c.status().at("/services").has("probe")).isFalse();
  }

  @Test
  void aNonLoopbackBindWithoutTokenIsRefusedAndNothingStaysUp() throws Exception {
    int libp2pPort = BindServer.freePort(InetAddress.getLoopbackAddress());
    NodeConfig d = NodeConfig.defaults();
    NodeConfig open = new NodeConfig(d.roles(), dir.resolve("o"), dir.resolve("o/key"),
        List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/" + libp2pPort)), d.bootstrap(), d.dhtMode(),
        d.gossip(), d.topologySharing(), d.probe(), d.provider(), d.dns(),
        new AdminSettings("0.0.0.0", 0, Optional.empty()));
    IconNode node = new IconNode(open, (e, f) -> events.add(e + " " + f));
    nodes.add(node);
    assertThatThrownBy(node::start).isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("admin.token: required");
    assertThat(node.adminAddress()).isEmpty();
    assertThat(events).noneMatch(e -> e.startsWith("node-up"));
    // The host had started (the admin API comes last) and was stopped again.
    assertThatThrownBy(() -> new Socket("127.0.0.1", libp2pPort).close())
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void stopIsIdempotentAndClosesTheAdminPort() throws Exception {
    IconNode node = start("""
        data_dir: %s
        admin: {port: 0}
        """.formatted(dir.resolve("s")));
    int port = node.adminAddress().orElseThrow().getPort();
    node.stop();
    node.stop();
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
        .isInstanceOf(ConnectException.class);
    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(dir.resolve("s/identity.key")))).isEqualTo("rw-------");
  }

  /** The private half of the libp2p key (the 32 bytes before the public key) appears nowhere. */
  static void assertNoPrivateKey(Path keyFile, String... texts) throws Exception {
    byte[] file = Files.readAllBytes(keyFile);
    byte[] seed = java.util.Arrays.copyOfRange(file, file.length - 64, file.length - 32);
    List<String> forms = List.of(HexFormat.of().formatHex(seed),
        HexFormat.of().withUpperCase().formatHex(seed),
        Base64.getEncoder().encodeToString(seed).substring(0, 40),
        Base64.getUrlEncoder().withoutPadding().encodeToString(seed).substring(0, 40),
        Base64.getEncoder().encodeToString(file).substring(0, 40));
    for (String text : texts) {
      for (String form : forms) {
        assertThat(text).doesNotContain(form);
      }
    }
  }
}
