package dev.icon.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.icon.overlay.api.DhtMode;
import dev.icon.testing.RepositoryRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeConfigParserTest {

  @Test
  void anEmptyDocumentIsTheDefaults() {
    assertThat(NodeConfigParser.parse("")).isEqualTo(NodeConfig.defaults());
    assertThat(NodeConfigParser.parse("{}\n")).isEqualTo(NodeConfig.defaults());
  }

  @Test
  void theReferenceFileParsesToExactlyTheDefaults() {
    assertThat(NodeConfigParser.parse(NodeConfig.referenceYaml())).isEqualTo(NodeConfig.defaults());
  }

  @Test
  void theReadmeShowsTheReferenceFileVerbatim() throws Exception {
    String readme = Files.readString(RepositoryRoot.find().resolve("icon-node/README.md"));
    assertThat(readme).contains("```yaml\n" + NodeConfig.referenceYaml() + "```");
  }

  /** Every key the parser reads is in the reference file (so no setting goes undocumented). */
  @Test
  void theReferenceDocumentsEveryKeyTheParserReads() throws Exception {
    java.util.Set<String> read = new java.util.TreeSet<>();
    NodeConfigParser.parse("""
        dns: {server: '127.0.0.1:53', zone: z., tsig: 'k:hmac-sha256:c2VjcmV0', name: n.z.,
              target: t.z.}
        """, read);
    NodeConfigParser.parse(NodeConfig.referenceYaml(), read);
    java.util.Set<String> documented = new java.util.TreeSet<>();
    collect(new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(
        NodeConfig.referenceYaml()), "", documented);
    String ref = NodeConfig.referenceYaml();
    for (String key : read) {
      if (key.startsWith("dns.")) {
        assertThat(ref).as(key).contains("#  " + key.substring(4) + ":");
      } else {
        assertThat(documented).as("documented keys").contains(key);
      }
    }
    assertThat(read).containsAll(documented);
  }

  private static void collect(com.fasterxml.jackson.databind.JsonNode n, String path,
      java.util.Set<String> out) {
    n.fields().forEachRemaining(e -> {
      String key = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
      out.add(key);
      if (e.getValue().isObject()) {
        collect(e.getValue(), key, out);
      }
    });
  }

  @Test
  void theReferenceDocumentsEveryDnsKey() {
    String ref = NodeConfig.referenceYaml();
    for (String key : new String[] {"server:", "zone:", "tsig:", "name:", "label:", "target:",
        "port:", "ttl:", "timeout_ms:"}) {
      assertThat(ref).contains("#  " + key);
    }
  }

  @Test
  void aFullConfigIsRead() {
    NodeConfig c = NodeConfigParser.parse("""
        roles: [provider, bootstrap]
        data_dir: /var/lib/icon
        identity: {key_file: /etc/icon/key}
        listen: [/ip4/0.0.0.0/tcp/4001]
        bootstrap: [/dnsaddr/bootstrap.example.net/p2p/12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA]
        dht: {mode: server}
        gossip: {enabled: true}
        topology: {sharing: false}
        probe: {enabled: false, tcp_port: 80, per_peer_rate: 2.5, allow_loopback: true}
        provider:
          capacity: {cpu_millis: 8000, memory_mib: 16384}
          price_micros_per_unit_hour: 5
          announce_interval_ms: 1000
        dns:
          server: 10.0.0.53:5353
          zone: example.net.
          tsig: icon-update:hmac-sha256:c2VjcmV0c2VjcmV0c2VjcmV0
          name: edge.example.net.
          target: e1.example.net.
        admin: {bind: 0.0.0.0, port: 9000, token: 0123456789abcdef0123}
        """);
    assertThat(c.roles()).isEqualTo(Set.of(Role.PROVIDER, Role.BOOTSTRAP));
    assertThat(c.dataDir()).isEqualTo(Path.of("/var/lib/icon"));
    assertThat(c.keyFile()).isEqualTo(Path.of("/etc/icon/key"));
    assertThat(c.listen()).hasSize(1);
    assertThat(c.bootstrap().get(0).toString()).startsWith("/dnsaddr/bootstrap.example.net");
    assertThat(c.dhtMode()).isEqualTo(DhtMode.SERVER);
    assertThat(c.topologySharing()).isFalse();
    assertThat(c.probe().enabled()).isFalse();
    assertThat(c.probe().tcpPort()).isEqualTo(80);
    assertThat(c.probe().perPeerRate()).isEqualTo(2.5);
    assertThat(c.provider()).isEqualTo(new ProviderSettings(8000, 16384, 5, Duration.ofSeconds(1)));
    assertThat(c.dns()).get().extracting(DnsSettings::label, DnsSettings::port, DnsSettings::ttl)
        .containsExactly("_icon._tcp", 0, 300L);
    assertThat(c.admin().token()).contains("0123456789abcdef0123");
    assertThat(c.admin().toString()).doesNotContain("0123456789abcdef0123");
    assertThat(c.dns().get().toString()).doesNotContain("c2VjcmV0");
  }

  @Test
  void theKeyFileDefaultsToTheDataDirectory() {
    assertThat(NodeConfigParser.parse("data_dir: /srv/n1").keyFile())
        .isEqualTo(Path.of("/srv/n1/identity.key"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "provider: {capacity: {cpu_millis: 0}}                | provider.capacity.cpu_millis: must be > 0, was 0",
      "provider: {capacity: {memory_mib: -1}}               | provider.capacity.memory_mib: must be > 0",
      "provider: {capacity: {cpu_millis: lots}}             | provider.capacity.cpu_millis: must be an integer",
      "provider: {price_micros_per_unit_hour: -5}           | provider.price_micros_per_unit_hour: must be >= 0",
      "provider: {announce_interval_ms: 5}                  | provider.announce_interval_ms: must be 100..",
      "provider: {capacity: {gpu: 1}}                       | provider.capacity.gpu: unknown key",
      "provider: 3                                          | provider: must be a mapping",
      "roles: [provider, miner]                             | roles[1]: unknown role 'miner'",
      "roles: provider                                      | roles: must be a list",
      "listen: [/ip4/1.2.3.4/tcp/x]                         | listen[0]: bad multiaddr",
      "listen: []                                           | listen: needs at least one address",
      "bootstrap: [/ip4/1.2.3.4, 7]                         | bootstrap[1]: must be a string",
      "bootstrap: [nonsense]                                | bootstrap[0]: bad multiaddr",
      "dht: {mode: both}                                    | dht.mode: must be server or client",
      "'roles: [bootstrap]\ndht: {mode: client}'            | dht.mode: a bootstrap node must be a DHT server",
      "gossip: {enabled: yes please}                        | gossip.enabled: must be true or false",
      "'gossip: {enabled: false}'                           | topology.sharing: needs gossip.enabled: true",
      "topology: {sharing: true, period: 3}                 | topology.period: unknown key",
      "probe: {tcp_port: 70000}                             | probe.tcp_port: must be 1..65535, was 70000",
      "probe: {per_target_rate: 0}                          | probe.per_target_rate: must be",
      "probe: {max_count: 0}                                | probe.max_count: must be 1..100",
      "identity: {key_file: ''}                             | identity.key_file: must not be empty",
      "identity: {private_key: abc}                         | identity.private_key: unknown key",
      "data_dir: ''                                         | data_dir: must not be empty",
      "admin: {port: 70000}                                 | admin.port: must be 0..65535",
      "admin: {bind: 0.0.0.0}                               | admin.token: required when admin.bind (0.0.0.0) is not a loopback address",
      "admin: {token: short}                                | admin.token: must be at least 16 characters",
      "admin: {bind: no.such.host.invalid}                  | admin.bind: unknown host",
      "dns: {zone: example.net.}                            | dns.server: required when dns is configured",
      "dns: {server: '127.0.0.1:1', zone: z., tsig: bad, name: n.z., target: t.z.} | dns.tsig: must be NAME:ALGORITHM:BASE64SECRET",
      "dns: {server: 'h:1', zone: z., tsig: 'k:hmac-sha256:c2VjcmV0', name: n.z., target: t.z., ttl: -1} | dns.ttl: must be 0..604800",
      "colour: blue                                         | colour: unknown key",
      "'listen: [unclosed'                                  | (syntax):",
  })
  void everyErrorNamesItsKey(String yaml, String expected) {
    String text = yaml.replace("\\n", "\n");
    assertThatThrownBy(() -> NodeConfigParser.parse(text))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(expected.substring(0, expected.indexOf(':')) + ":")
        .hasMessageContaining(expected);
  }

  @Test
  void aLoopbackNameNeedsNoToken() {
    assertThat(NodeConfigParser.parse("admin: {bind: localhost}").admin().bind())
        .isEqualTo("localhost");
    assertThat(NodeConfigParser.parse("admin: {bind: '::1', port: 0}").admin().port()).isZero();
  }

  @Test
  void aMissingFileIsAnError(@TempDir Path dir) {
    assertThatThrownBy(() -> NodeConfigParser.parse(dir.resolve("nope.yaml")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("cannot read");
  }
}
