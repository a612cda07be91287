package dev.icon.overlay.kad;

import static dev.icon.overlay.kad.DhtHosts.addr;
import static dev.icon.overlay.kad.DhtHosts.dht;
import static dev.icon.overlay.kad.DhtHosts.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.overlay.api.DhtMode;
import dev.icon.overlay.api.DhtPeer;
import dev.icon.overlay.api.Host;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The well-known provider key of ICON edge providers, and finding providers through it. */
class IconProvidersTest {

  @Test
  void theEdgeProvidersKeyIsTheSha256MultihashOfItsName() {
    // 0x12 0x20, then sha256 of the name as `printf %s /icon/providers/1 | sha256sum` prints it.
    assertThat(HexFormat.of().formatHex(IconProviders.edgeProvidersKey())).isEqualTo(
        "12204ce030ee7705b95ba5cbf1bb9e850f2167211255f3e4f24f9874f6c5f17a3b1d");
    assertThat(IconProviders.edgeProvidersKey()).isNotSameAs(IconProviders.edgeProvidersKey());
  }

  @Test
  void anIconFindsEveryEdgeProviderThroughTheWellKnownKeyWithoutKnowingThem() throws Exception {
    try (DhtHosts hosts = new DhtHosts()) {
      KadNetworkRun network = new KadNetworkRun(hosts, DhtHosts.CONFIG, 5);
      network.join(8);
      List<Host> providers = List.of(network.nodes.get(2), network.nodes.get(5),
          network.nodes.get(7));
      for (Host p : providers) {
        assertThat(get(IconProviders.advertiseEdge(dht(p)))).isPositive();
      }
      Host icon = hosts.start(DhtMode.CLIENT);
      get(dht(icon).bootstrap(List.of(addr(network.nodes.get(0)))));

      List<DhtPeer> found = get(IconProviders.findEdgeProviders(dht(icon), 10));

      assertThat(found).extracting(DhtPeer::id)
          .containsExactlyInAnyOrderElementsOf(providers.stream().map(Host::peerId).toList());
      for (DhtPeer p : found) {
        Host provider = providers.stream().filter(h -> h.peerId().equals(p.id())).findFirst()
            .orElseThrow();
        assertThat(p.addrs()).containsAll(provider.listenAddrs());
      }
      List<DhtPeer> other = new ArrayList<>(get(dht(icon).findProviders(
          IconProviders.key("/icon/providers/2"), 10)));
      assertThat(other).as("no provider of another name").isEmpty();
    }
  }
}
