package dev.icon.tomography;

import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.testing.BindServer;
import dev.icon.tomography.dns.CachingDnsResolver;
import dev.icon.tomography.dns.DnsAnswer;
import dev.icon.tomography.dns.DnsConfig;
import dev.icon.tomography.dns.DnsDiscovery;
import dev.icon.tomography.dns.DnsResolver;
import dev.icon.tomography.dns.DnsStatus;
import dev.icon.tomography.dns.DnsjavaResolver;
import dev.icon.tomography.dns.DomainLookup;
import dev.icon.tomography.dns.ProviderRecord;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/** DNS discovery with dnsjava against a real BIND on 127.0.0.1 and a free port. */
class DnsDiscoveryBindIT {

  static final PeerId PEER = PeerId.fromPublicKey(PrivateKey.generateEd25519().publicKey());
  static BindServer bind;

  @BeforeAll
  static void startBind() throws Exception {
    bind = BindServer.onLoopback(Map.of(
        "example.", """
            $TTL 300
            @ IN SOA ns.example. admin.example. 1 3600 600 86400 30
            @ IN NS ns.example.
            ns IN A 127.0.0.1
            _icon._tcp.fra.isp-a IN SRV 10 5 4001 edge1.fra.isp-a.example.
            _icon._tcp.fra.isp-a IN TXT "icon-peer=%s" "icon-addr=/ip4/192.0.2.10/tcp/4001"
            _icon._tcp.fra.isp-a IN TXT "icon-addr=/ip6/2001:db8::10/tcp/4001"
            edge1.fra.isp-a IN A 192.0.2.10
            edge1.fra.isp-a IN AAAA 2001:db8::10
            _icon._tcp.isp-b IN SRV 0 0 4001 edge.isp-b.example.
            _icon._tcp.isp-b IN TXT "icon-peer=NotAPeerId" "icon-addr=/ip4/300.1.1.1/tcp/1"
            edge.isp-b IN A 192.0.2.20
            """.formatted(PEER),
        "10.in-addr.arpa.", """
            $TTL 300
            @ IN SOA ns.example. admin.example. 1 3600 600 86400 30
            @ IN NS ns.example.
            2.0.2 IN PTR r1.fra.isp-a.example.
            1.0.3 IN PTR r2.isp-b.example.
            """));
  }

  @AfterAll
  static void stopBind() {
    if (bind != null) {
      bind.close();
    }
  }

  private static DnsConfig config(List<InetSocketAddress> servers) {
    return DnsConfig.builder(servers).timeout(Duration.ofMillis(500)).retries(1).build();
  }

  @Test
  void reverseLookupOfARouterGivesItsName() throws Exception {
    DnsDiscovery dns = new DnsDiscovery(new DnsjavaResolver(config(List.of(bind.address()))),
        config(List.of(bind.address())));

    assertThat(dns.reverseName(InetAddress.getByName("10.2.0.2")).get(5, TimeUnit.SECONDS))
        .contains(Name.fromString("r1.fra.isp-a.example."));
    assertThat(dns.reverseName(InetAddress.getByName("10.7.7.7")).get(5, TimeUnit.SECONDS))
        .isEmpty();
  }

  @Test
  void findsTheProviderWithPeerIdAddressesAndTargetAddresses() throws Exception {
    DnsDiscovery dns = new DnsDiscovery(new DnsjavaResolver(config(List.of(bind.address()))),
        config(List.of(bind.address())));

    DomainLookup l = dns.providersAt(Name.fromString("fra.isp-a.example.")).get(5, TimeUnit.SECONDS);

    assertThat(l.status()).isEqualTo(DnsStatus.OK);
    ProviderRecord p = l.providers().get(0);
    assertThat(p.srvTarget()).isEqualTo(Name.fromString("edge1.fra.isp-a.example."));
    assertThat(p.port()).isEqualTo(4001);
    assertThat(p.peerId()).contains(PEER);
    assertThat(p.addrs()).extracting(Object::toString).containsExactlyInAnyOrder(
        "/ip4/192.0.2.10/tcp/4001", "/ip6/2001:db8::10/tcp/4001");
    assertThat(p.targetAddresses()).containsExactlyInAnyOrder(
        InetAddress.getByName("192.0.2.10"), InetAddress.getByName("2001:db8::10"));
    assertThat(p.problems()).isEmpty();
  }

  @Test
  void invalidTxtValuesAreDroppedWithReasonsAndTheProviderKept() throws Exception {
    DnsDiscovery dns = new DnsDiscovery(new DnsjavaResolver(config(List.of(bind.address()))),
        config(List.of(bind.address())));

    ProviderRecord p = dns.providersAt(Name.fromString("isp-b.example.")).get(5, TimeUnit.SECONDS)
        .providers().get(0);

    assertThat(p.peerId()).isEmpty();
    assertThat(p.addrs()).isEmpty();
    assertThat(p.problems()).anyMatch(s -> s.startsWith("invalid icon-peer 'NotAPeerId'"))
        .anyMatch(s -> s.startsWith("invalid icon-addr '/ip4/300.1.1.1/tcp/1'"));
    assertThat(p.targetAddresses()).containsExactly(InetAddress.getByName("192.0.2.20"));
  }

  @Test
  void nxdomainFromBindIsCachedNegatively() throws Exception {
    AtomicInteger sent = new AtomicInteger();
    DnsResolver real = new DnsjavaResolver(config(List.of(bind.address())));
    DnsResolver counting = (name, type) -> {
      sent.incrementAndGet();
      return real.query(name, type);
    };
    CachingDnsResolver cache = new CachingDnsResolver(counting, config(List.of(bind.address())),
        Clock.systemUTC());
    Name missing = Name.fromString("_icon._tcp.isp-z.example.");

    DnsAnswer first = cache.query(missing, Type.SRV).get(5, TimeUnit.SECONDS);
    DnsAnswer second = cache.query(missing, Type.SRV).get(5, TimeUnit.SECONDS);

    assertThat(first.status()).isEqualTo(DnsStatus.NXDOMAIN);
    assertThat(first.ttl()).isEqualTo(Duration.ofSeconds(30)); // the zone's SOA minimum
    assertThat(second).isSameAs(first);
    assertThat(sent.get()).isEqualTo(1);
  }

  @Test
  void aSilentFirstServerTimesOutAndTheSecondAnswers() throws Exception {
    try (DatagramSocket silent = new DatagramSocket(
        new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0))) {
      DnsConfig cfg = config(List.of((InetSocketAddress) silent.getLocalSocketAddress(),
          bind.address()));
      DnsResolver r = new DnsjavaResolver(cfg);
      long start = System.nanoTime();

      CompletableFuture<DnsAnswer> f =
          r.query(Name.fromString("edge1.fra.isp-a.example."), Type.A);
      DnsAnswer a = f.get(10, TimeUnit.SECONDS);

      assertThat(a.status()).isEqualTo(DnsStatus.OK);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(
          Duration.ofMillis(450));
    }
  }
}
