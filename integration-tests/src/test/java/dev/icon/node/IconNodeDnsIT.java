package dev.icon.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.icon.node.config.NodeConfigParser;
import dev.icon.node.daemon.IconNode;
import dev.icon.testing.BindServer;
import dev.icon.tomography.dns.DnsConfig;
import dev.icon.tomography.dns.DnsDiscovery;
import dev.icon.tomography.dns.DnsjavaResolver;
import dev.icon.tomography.dns.ProviderRecord;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;

/** A provider node with a {@code dns:} section registers its SRV/TXT in a real BIND, and removes them. */
class IconNodeDnsIT {

  static final String SECRET = secret();
  static BindServer bind;

  @TempDir Path dir;

  @BeforeAll
  static void startBind() throws Exception {
    bind = BindServer.onLoopback(Map.of("node-isp.example.", """
            $TTL 300
            @ IN SOA ns.node-isp.example. admin.node-isp.example. 1 3600 600 86400 30
            @ IN NS ns.node-isp.example.
            ns IN A 127.0.0.1
            """),
        "key \"icon-update\" { algorithm hmac-sha256; secret \"" + SECRET + "\"; };",
        "allow-update { key \"icon-update\"; };");
  }

  @AfterAll
  static void stopBind() {
    if (bind != null) {
      bind.close();
    }
  }

  private String yaml(String secret) {
    return """
        roles: [provider]
        data_dir: %s
        admin: {port: 0}
        dns:
          server: '%s'
          zone: node-isp.example.
          tsig: 'icon-update:hmac-sha256:%s'
          name: lon.node-isp.example.
          target: edge.lon.node-isp.example.
        """.formatted(dir, bind.hostPort(), secret);
  }

  @Test
  void theNodeRegistersAtStartAndUnregistersAtStop() throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    IconNode node = new IconNode(NodeConfigParser.parse(yaml(SECRET)),
        (e, f) -> events.add(e + " " + f));
    DnsConfig cfg = DnsConfig.builder(List.of(bind.address())).build();
    DnsDiscovery dns = new DnsDiscovery(new DnsjavaResolver(cfg), cfg);
    Name where = Name.fromString("lon.node-isp.example.");
    try {
      node.start();
      String peer = node.host().orElseThrow().peerId().toBase58();
      List<ProviderRecord> found = dns.providersAt(where).get(5, TimeUnit.SECONDS).providers();
      assertThat(found).singleElement().satisfies(p -> {
        assertThat(p.peerId().map(Object::toString)).contains(peer);
        assertThat(p.port()).isEqualTo(Integer.parseInt(node.host().orElseThrow().listenAddrs()
            .get(0).toString().replaceAll(".*/tcp/", "")));
      });
      assertThat(events).anyMatch(e -> e.startsWith("dns-registered"));
      String status = new ObjectMapper().writeValueAsString(node.status());
      assertThat(status).contains("\"registered\":true").doesNotContain(SECRET);
    } finally {
      node.stop();
    }
    assertThat(dns.providersAt(where).get(5, TimeUnit.SECONDS).providers()).isEmpty();
  }

  @Test
  void aRefusedRegistrationFailsTheStartAndStopsWhatStarted() throws Exception {
    IconNode node = new IconNode(NodeConfigParser.parse(yaml(secret())), (e, f) -> { });
    try {
      assertThatThrownBy(node::start).hasMessageContaining("dns").hasMessageContaining("NOTAUTH");
      assertThat(node.adminAddress()).isEmpty();
    } finally {
      node.stop();
    }
  }

  private static String secret() {
    byte[] b = new byte[32];
    new SecureRandom().nextBytes(b);
    return Base64.getEncoder().encodeToString(b);
  }
}
