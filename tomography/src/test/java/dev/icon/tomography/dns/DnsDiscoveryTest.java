package dev.icon.tomography.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.tomography.testing.ZoneResolver;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;

class DnsDiscoveryTest {

  private static final PeerId PEER = PeerId.fromPublicKey(PrivateKey.generateEd25519().publicKey());
  private final ZoneResolver zone = new ZoneResolver();
  private final DnsConfig config =
      DnsConfig.builder(List.of(new InetSocketAddress("127.0.0.1", 53))).build();
  private final DnsDiscovery dns = new DnsDiscovery(zone, config);

  @Test
  void findsTheReverseNameOfAnAddress() throws Exception {
    zone.add("2.0.2.10.in-addr.arpa. 300 IN PTR r1.fra.isp-a.example.",
        "2.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.d.f.ip6.arpa. 300 IN PTR r6.isp-a.example.");

    assertThat(dns.reverseName(InetAddress.getByName("10.2.0.2")).get())
        .contains(Name.fromString("r1.fra.isp-a.example."));
    assertThat(dns.reverseName(InetAddress.getByName("fd00::2")).get())
        .contains(Name.fromString("r6.isp-a.example."));
    assertThat(dns.reverseName(InetAddress.getByName("10.9.9.9")).get()).isEmpty();
  }

  @Test
  void readsSrvTxtAndTargetAddressesOfAProvider() throws Exception {
    zone.add("_icon._tcp.fra.isp-a.example. 300 IN SRV 10 5 4001 edge1.fra.isp-a.example.",
        "_icon._tcp.fra.isp-a.example. 300 IN TXT \"icon-peer=" + PEER + "\" "
            + "\"icon-addr=/ip4/192.0.2.10/tcp/4001\"",
        "edge1.fra.isp-a.example. 300 IN A 192.0.2.10",
        "edge1.fra.isp-a.example. 300 IN AAAA 2001:db8::10");

    DomainLookup l = dns.providersAt(Name.fromString("fra.isp-a.example.")).get();

    assertThat(l.status()).isEqualTo(DnsStatus.OK);
    assertThat(l.queryName().toString()).isEqualTo("_icon._tcp.fra.isp-a.example.");
    ProviderRecord p = l.providers().get(0);
    assertThat(p.srvTarget().toString()).isEqualTo("edge1.fra.isp-a.example.");
    assertThat(p.port()).isEqualTo(4001);
    assertThat(p.priority()).isEqualTo(10);
    assertThat(p.weight()).isEqualTo(5);
    assertThat(p.peerId()).contains(PEER);
    assertThat(p.addrs()).extracting(Object::toString).containsExactly("/ip4/192.0.2.10/tcp/4001");
    assertThat(p.targetAddresses()).containsExactly(InetAddress.getByName("192.0.2.10"),
        InetAddress.getByName("2001:db8::10"));
    assertThat(p.problems()).isEmpty();
  }

  @Test
  void ordersProvidersByPriorityThenHighestWeight() throws Exception {
    zone.add("_icon._tcp.isp-a.example. 300 IN SRV 20 1 4001 c.isp-a.example.",
        "_icon._tcp.isp-a.example. 300 IN SRV 10 1 4001 b.isp-a.example.",
        "_icon._tcp.isp-a.example. 300 IN SRV 10 9 4001 a.isp-a.example.",
        "_icon._tcp.isp-a.example. 300 IN TXT \"icon-peer=" + PEER + "\"");

    DomainLookup l = dns.providersAt(Name.fromString("isp-a.example.")).get();

    assertThat(l.providers()).extracting(p -> p.srvTarget().toString())
        .containsExactly("a.isp-a.example.", "b.isp-a.example.", "c.isp-a.example.");
    assertThat(l.providers().get(0).problems()).singleElement().asString()
        .contains("has no A/AAAA record");
  }

  @Test
  void usesAConfiguredLabel() throws Exception {
    DnsDiscovery custom = new DnsDiscovery(zone, DnsConfig.builder(config.servers())
        .label(DnsConfig.parseLabel("_edge._udp")).build());
    zone.add("_edge._udp.isp-a.example. 300 IN SRV 0 0 9000 e.isp-a.example.");

    assertThat(custom.providersAt(Name.fromString("isp-a.example.")).get().providers())
        .hasSize(1);
    assertThat(dns.providersAt(Name.fromString("isp-a.example.")).get().providers()).isEmpty();
  }

  @Test
  void aDomainWithoutProvidersAsksNoMoreThanSrv() throws Exception {
    DomainLookup l = dns.providersAt(Name.fromString("isp-b.example.")).get();

    assertThat(l.status()).isEqualTo(DnsStatus.NXDOMAIN);
    assertThat(l.providers()).isEmpty();
    assertThat(zone.queries).containsExactly("_icon._tcp.isp-b.example. SRV");
  }

  @Test
  void aServfailDegradesToNoProviders() throws Exception {
    zone.fail("_icon._tcp.isp-c.example.", DnsStatus.SERVFAIL);

    DomainLookup l = dns.providersAt(Name.fromString("isp-c.example.")).get();

    assertThat(l.status()).isEqualTo(DnsStatus.SERVFAIL);
    assertThat(l.providers()).isEmpty();
  }

  @Test
  void aTxtTimeoutIsReportedOnTheProvider() throws Exception {
    zone.add("_icon._tcp.isp-d.example. 300 IN SRV 0 0 4001 e.isp-d.example.",
        "e.isp-d.example. 300 IN A 192.0.2.7");
    // SRV is answered before the failure is forced, as a server that stops answering would.
    zone.fail("_icon._tcp.isp-d.example.", DnsStatus.TIMEOUT);
    ZoneResolver srvOnly = new ZoneResolver()
        .add("_icon._tcp.isp-d.example. 300 IN SRV 0 0 4001 e.isp-d.example.",
            "e.isp-d.example. 300 IN A 192.0.2.7");
    DnsResolver txtTimesOut = (name, type) -> type == org.xbill.DNS.Type.TXT
        ? zone.query(name, type) : srvOnly.query(name, type);

    ProviderRecord p = new DnsDiscovery(txtTimesOut, config)
        .providersAt(Name.fromString("isp-d.example.")).get().providers().get(0);

    assertThat(p.peerId()).isEmpty();
    assertThat(p.problems()).anyMatch(s -> s.contains("TXT lookup") && s.contains("TIMEOUT"));
  }

  @Test
  void srvWithRootTargetMeansNoService() throws Exception {
    zone.add("_icon._tcp.isp-e.example. 300 IN SRV 0 0 0 .");

    assertThat(dns.providersAt(Name.fromString("isp-e.example.")).get().providers()).isEmpty();
  }
}
