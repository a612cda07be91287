package dev.icon.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code ./icon peer --bootstrap /dnsaddr/...} through real DNS: a BIND server holds {@code
 * _dnsaddr.boot.icon.test} TXT records naming a js DHT server (a nested {@code /dnsaddr/}
 * name, under it the js peer's address and another peer's, which the {@code /p2p/} filter drops), and the ICON
 * peer, its JNDI DNS pointed at that server, joins through the name and finds the js peer.
 */
class DhtDnsaddrIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  @Test
  void iconPeerBootstrapsThroughADnsaddrName() throws Exception {
    try (PeerProcess js = PeerProcess.start("--dht")) {
      // another peer's record under the same name: the /p2p/ filter must drop it (nothing listens)
      String other = "/ip4/127.0.0.1/tcp/9/p2p/12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA";
      try (BindTxtZone dns = BindTxtZone.start("icon.test", Map.of(
          "_dnsaddr.boot", List.of("dnsaddr=/dnsaddr/nested.icon.test/p2p/" + js.peerId()),
          "_dnsaddr.nested", List.of("dnsaddr=" + js.listenAddr(), "dnsaddr=" + other)));
          PeerProcess icon = PeerProcess.startIcon(Map.of("ICON_JAVA_OPTS", dns.jndiOption()),
              "--bootstrap", "/dnsaddr/boot.icon.test/p2p/" + js.peerId(),
              "--find-peer", js.peerId(), "--exit-when-done")) {
        assertThat(icon.awaitExit(TIMEOUT)).as(icon.diagnostics() + dns.log()).isZero();
        assertThat(icon.awaitEvent("dht:bootstrapped", TIMEOUT).path("routingTable").asInt())
            .isOne();
        JsonNode found = icon.awaitEvent("dht:found-peer", TIMEOUT);
        assertThat(found.path("addrs").toString())
            .contains(js.listenAddr().replace("/p2p/" + js.peerId(), ""));
      }
    }
  }
}
