package dev.icon.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.icon.testing.BindServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code ./icon peer --bootstrap /dnsaddr/...} through real DNS: a BIND server ({@link
 * BindServer}) holds {@code _dnsaddr.boot.icon.test} TXT records naming a js DHT server (a nested
 * {@code /dnsaddr/} name, under it the js peer's address and another peer's, which the {@code
 * /p2p/} filter drops), and the ICON peer, its JNDI DNS pointed at that server, joins through the
 * name and finds the js peer.
 */
class DhtDnsaddrIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  @Test
  void iconPeerBootstrapsThroughADnsaddrName() throws Exception {
    try (PeerProcess js = PeerProcess.start("--dht")) {
      // another peer's record under the same name: the /p2p/ filter must drop it (nothing listens)
      String other = "/ip4/127.0.0.1/tcp/9/p2p/12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA";
      try (BindServer dns = BindServer.onLoopback(Map.of("icon.test.", String.join("\n",
          "$TTL 60",
          "@ IN SOA ns.icon.test. admin.icon.test. 1 60 60 600 60",
          "@ IN NS ns.icon.test.",
          "ns IN A 127.0.0.1",
          "_dnsaddr.boot IN TXT \"dnsaddr=/dnsaddr/nested.icon.test/p2p/" + js.peerId() + "\"",
          "_dnsaddr.nested IN TXT \"dnsaddr=" + js.listenAddr() + "\"",
          "_dnsaddr.nested IN TXT \"dnsaddr=" + other + "\"",
          "")));
          PeerProcess icon = PeerProcess.startIcon(
              Map.of("ICON_JAVA_OPTS", "-Djava.naming.provider.url=dns://" + dns.hostPort()),
              "--bootstrap", "/dnsaddr/boot.icon.test/p2p/" + js.peerId(),
              "--find-peer", js.peerId(), "--exit-when-done")) {
        assertThat(icon.awaitExit(TIMEOUT)).as(icon.diagnostics()).isZero();
        assertThat(icon.awaitEvent("dht:bootstrapped", TIMEOUT).path("routingTable").asInt())
            .isOne();
        JsonNode found = icon.awaitEvent("dht:found-peer", TIMEOUT);
        assertThat(found.path("addrs").toString())
            .contains(js.listenAddr().replace("/p2p/" + js.peerId(), ""));
      }
    }
  }
}
