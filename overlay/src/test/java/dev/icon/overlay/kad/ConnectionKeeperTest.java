package dev.icon.overlay.kad;

import static dev.icon.overlay.kad.DhtHosts.addr;
import static dev.icon.overlay.kad.DhtHosts.dht;
import static dev.icon.overlay.kad.DhtHosts.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.icon.overlay.api.Connection;
import dev.icon.overlay.api.DhtMode;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.api.HostConfig;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link KadConfig#minConnections()}: a joined host dials routing-table peers when it is short. */
class ConnectionKeeperTest {

  @Test
  void aHostThatLostItsConnectionsDialsTablePeersBackUpToMinConnections() throws Exception {
    try (DhtHosts hosts = new DhtHosts()) {
      KadNetworkRun network = new KadNetworkRun(hosts, DhtHosts.CONFIG, 3);
      network.join(10);
      Host joiner = hosts.start(DhtMode.SERVER,
          DhtHosts.CONFIG.toBuilder().minConnections(6).build(), PrivateKey.generateEd25519());
      get(dht(joiner).bootstrap(List.of(addr(network.nodes.get(0)))));
      assertThat(dht(joiner).routingTable()).hasSizeGreaterThanOrEqualTo(6);

      for (PeerId p : joiner.connections().stream().map(Connection::remotePeer).distinct()
          .toList()) {
        get(joiner.disconnect(p));
      }

      await().atMost(Duration.ofSeconds(20)).until(() -> joiner.connections().stream()
          .map(Connection::remotePeer).distinct().count() >= 6);
    }
  }

  @Test
  void minConnectionsAboveTheHostsHighWatermarkIsRefused() {
    KadConfig tooMany = DhtHosts.CONFIG.toBuilder().minConnections(11).build();

    assertThatThrownBy(() -> Host.builder()
        .config(HostConfig.forTests().toBuilder().watermarks(5, 10).build())
        .listen("/ip4/127.0.0.1/tcp/0").dht(DhtMode.SERVER, tooMany).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("minConnections (11) must be at most the host's highWatermark (10)");
  }
}
