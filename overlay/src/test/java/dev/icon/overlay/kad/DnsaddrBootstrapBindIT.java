package dev.icon.overlay.kad;

import static dev.icon.overlay.kad.DhtHosts.addr;
import static dev.icon.overlay.kad.DhtHosts.dht;
import static dev.icon.overlay.kad.DhtHosts.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.overlay.api.DhtMode;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.multiaddr.Multiaddr;
import dev.icon.testing.BindServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /dnsaddr/} bootstrap names served by a real BIND ({@code named} on 127.0.0.1, a free port,
 * installed by {@code scripts/setup-test-env}): the TXT records {@code _dnsaddr.boot.icon.test}
 * name host A directly and host B through a nested {@code /dnsaddr/} name; a joining host resolves
 * them with {@link DnsaddrResolver#usingServer}, dials both and learns the third host through the
 * DHT.
 */
class DnsaddrBootstrapBindIT {

  private DhtHosts hosts;
  private Host a;
  private Host b;
  private Host c;
  private BindServer bind;

  @BeforeEach
  void networkAndZone() throws Exception {
    hosts = new DhtHosts();
    a = hosts.start(DhtMode.SERVER);
    b = hosts.start(DhtMode.SERVER);
    c = hosts.start(DhtMode.SERVER);
    get(dht(b).bootstrap(List.of(addr(a))));
    get(dht(c).bootstrap(List.of(addr(a))));
    bind = BindServer.onLoopback(Map.of("icon.test.", String.join("\n",
        "$TTL 60",
        "@ IN SOA ns.icon.test. admin.icon.test. 1 60 60 600 60",
        "@ IN NS ns.icon.test.",
        "ns IN A 127.0.0.1",
        "_dnsaddr.boot IN TXT \"dnsaddr=" + addr(a) + "\"",
        "_dnsaddr.boot IN TXT \"dnsaddr=/dnsaddr/nested.icon.test/p2p/" + b.peerId() + "\"",
        "_dnsaddr.boot IN TXT \"not a dnsaddr record\"",
        "_dnsaddr.nested IN TXT \"dnsaddr=" + addr(b) + "\"",
        "")));
  }

  @AfterEach
  void stop() {
    try {
      hosts.close();
    } finally {
      if (bind != null) {
        bind.close();
      }
    }
  }

  @Test
  void aHostBootstrapsFromADnsaddrNameServedByBindAndLearnsTheRestThroughTheDht()
      throws Exception {
    Host joiner = hosts.start(DhtMode.SERVER);
    KadDht kad = (KadDht) dht(joiner);
    kad.useResolver(DnsaddrResolver.usingServer(bind.hostPort()));

    int table = get(kad.bootstrap(List.of(Multiaddr.parse("/dnsaddr/boot.icon.test"))));

    assertThat(joiner.connections(a.peerId())).as("dialled from the TXT record").isNotEmpty();
    assertThat(joiner.connections(b.peerId())).as("dialled through the nested name")
        .isNotEmpty();
    assertThat(kad.routingTable()).as("c learnt through the DHT")
        .contains(a.peerId(), b.peerId(), c.peerId());
    assertThat(table).isEqualTo(3);
  }

  @Test
  void aP2pSuffixKeepsOnlyTheRecordsOfThatPeer() throws Exception {
    DnsaddrResolver resolver = DnsaddrResolver.usingServer(bind.hostPort());

    List<Multiaddr> all = get(resolver.resolve(Multiaddr.parse("/dnsaddr/boot.icon.test"),
        ForkJoinPool.commonPool()));
    List<Multiaddr> onlyB = get(resolver.resolve(
        Multiaddr.parse("/dnsaddr/boot.icon.test/p2p/" + b.peerId()), ForkJoinPool.commonPool()));
    List<Multiaddr> none = get(resolver.resolve(Multiaddr.parse("/dnsaddr/missing.icon.test"),
        ForkJoinPool.commonPool()));

    assertThat(all).containsExactlyInAnyOrder(addr(a), addr(b));
    assertThat(onlyB).containsExactly(addr(b));
    assertThat(none).isEmpty();
  }
}
