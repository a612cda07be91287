package dev.icon.overlay.kad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.overlay.multiaddr.Multiaddr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DnsaddrResolverTest {

  private static final PeerId A = PrivateKey.generateEd25519().publicKey().peerId();
  private static final PeerId B = PrivateKey.generateEd25519().publicKey().peerId();

  private static DnsaddrResolver resolver(Map<String, List<String>> zone) {
    return new DnsaddrResolver(name -> zone.getOrDefault(name, List.of()));
  }

  private static List<Multiaddr> resolve(DnsaddrResolver r, String addr) {
    return r.resolve(Multiaddr.parse(addr), Runnable::run).join();
  }

  @Test
  void nonDnsaddrAddressesPassThrough() {
    assertThat(resolve(resolver(Map.of()), "/ip4/1.2.3.4/tcp/1")).containsExactly(
        Multiaddr.parse("/ip4/1.2.3.4/tcp/1"));
  }

  @Test
  void nestedRecordsAreFollowedAndBadOnesSkipped() {
    DnsaddrResolver r = resolver(Map.of(
        "_dnsaddr.boot.example", List.of(
            "dnsaddr=/dnsaddr/eu.boot.example",
            "dnsaddr=/ip4/10.0.0.1/tcp/4001/p2p/" + A,
            "not a dnsaddr record",
            "dnsaddr=/nonsense/1"),
        "_dnsaddr.eu.boot.example", List.of("dnsaddr=/ip4/10.0.0.2/tcp/4001/p2p/" + B)));

    assertThat(resolve(r, "/dnsaddr/boot.example")).containsExactly(
        Multiaddr.parse("/ip4/10.0.0.2/tcp/4001/p2p/" + B),
        Multiaddr.parse("/ip4/10.0.0.1/tcp/4001/p2p/" + A));
  }

  @Test
  void aPeerIdSuffixKeepsOnlyThatPeersRecords() {
    DnsaddrResolver r = resolver(Map.of("_dnsaddr.boot.example", List.of(
        "dnsaddr=/ip4/10.0.0.1/tcp/4001/p2p/" + A,
        "dnsaddr=/ip4/10.0.0.2/tcp/4001/p2p/" + B)));

    assertThat(resolve(r, "/dnsaddr/boot.example/p2p/" + B)).containsExactly(
        Multiaddr.parse("/ip4/10.0.0.2/tcp/4001/p2p/" + B));
  }

  @Test
  void aSelfReferencingZoneStopsAtTheDepthLimitAndResultsAreBounded() {
    List<String> many = new ArrayList<>(List.of("dnsaddr=/dnsaddr/loop.example"));
    for (int i = 0; i < 200; i++) {
      many.add("dnsaddr=/ip4/10.0." + (i / 250) + "." + (i % 250) + "/tcp/1");
    }
    DnsaddrResolver r = resolver(Map.of("_dnsaddr.loop.example", many));

    assertThat(resolve(r, "/dnsaddr/loop.example")).hasSize(DnsaddrResolver.MAX_RESULTS);
  }

  @Test
  void aFailingLookupFailsTheResolution() {
    DnsaddrResolver r = new DnsaddrResolver(name -> {
      throw new java.io.IOException("no DNS here");
    });

    assertThatThrownBy(() -> resolve(r, "/dnsaddr/boot.example")).hasMessageContaining("no DNS here");
  }
}
