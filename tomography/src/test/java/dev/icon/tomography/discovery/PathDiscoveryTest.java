package dev.icon.tomography.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.tomography.dns.DnsConfig;
import dev.icon.tomography.dns.DnsDiscovery;
import dev.icon.tomography.testing.ZoneResolver;
import dev.icon.tomography.traceroute.TracerouteError;
import dev.icon.tomography.traceroute.TracerouteException;
import dev.icon.tomography.traceroute.TracerouteParser;
import dev.icon.tomography.traceroute.TracerouteResult;
import dev.icon.tomography.traceroute.TracerouteRunner;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;

class PathDiscoveryTest {

  private static final PeerId PEER = PeerId.fromPublicKey(PrivateKey.generateEd25519().publicKey());

  private static final Map<String, String> OUTPUTS = Map.of(
      "10.3.0.2", """
          traceroute to 10.3.0.2 (10.3.0.2), 30 hops max, 60 byte packets
           1  10.1.0.1  0.100 ms  0.050 ms
           2  * *
           3  10.2.0.2  0.300 ms 10.4.0.2  0.250 ms
           4  10.3.0.2  0.400 ms  0.350 ms
          """);

  /** Traces from canned outputs; unknown targets fail as a missing binary would. */
  private static final TracerouteRunner RUNNER = new TracerouteRunner() {
    @Override
    public CompletableFuture<TracerouteResult> trace(String target) {
      String out = OUTPUTS.get(target);
      return out == null
          ? CompletableFuture.failedFuture(new TracerouteException(
              TracerouteError.BINARY_MISSING, "traceroute executable /x/traceroute missing"))
          : CompletableFuture.completedFuture(new TracerouteParser().parse(out));
    }

    @Override
    public void close() {}
  };

  private final ZoneResolver zone = new ZoneResolver().add(
      "1.0.1.10.in-addr.arpa. 300 IN PTR gw.home.example.",
      "2.0.2.10.in-addr.arpa. 300 IN PTR r1.fra.isp-a.example.",
      "2.0.4.10.in-addr.arpa. 300 IN PTR r2.fra.isp-a.example.",
      "_icon._tcp.fra.isp-a.example. 300 IN SRV 10 0 4001 edge.fra.isp-a.example.",
      "_icon._tcp.isp-a.example. 300 IN SRV 10 0 4001 edge.fra.isp-a.example.",
      "_icon._tcp.fra.isp-a.example. 300 IN TXT \"icon-peer=" + PEER + "\"",
      "_icon._tcp.isp-a.example. 300 IN TXT \"icon-peer=" + PEER + "\"",
      "edge.fra.isp-a.example. 300 IN A 192.0.2.10");
  private final PathDiscovery discovery = new PathDiscovery(RUNNER, new DnsDiscovery(zone,
      DnsConfig.builder(List.of(new InetSocketAddress("127.0.0.1", 53))).build()));

  @Test
  void reportsHopsWithNamesDomainsTriedAndProvidersOnce() throws Exception {
    TargetReport r = discovery.discover("10.3.0.2").get();

    assertThat(r.error()).isEmpty();
    assertThat(r.hops()).extracting(h -> h.ttl() + " "
            + h.address().map(a -> a.getHostAddress()).orElse("*") + " "
            + h.reverseName().map(Name::toString).orElse("-"))
        .containsExactly("1 10.1.0.1 gw.home.example.", "2 * -",
            "3 10.2.0.2 r1.fra.isp-a.example.", "3 10.4.0.2 r2.fra.isp-a.example.",
            "4 10.3.0.2 -");
    assertThat(r.hops().get(0).rtt()).hasValue(0.05);
    assertThat(r.domainsTried()).extracting(Name::toString)
        .containsExactly("home.example.", "fra.isp-a.example.", "isp-a.example.");
    assertThat(r.providers()).singleElement().satisfies(p -> {
      assertThat(p.domain().toString()).isEqualTo("fra.isp-a.example.");
      assertThat(p.peerId()).contains(PEER);
    });
  }

  @Test
  void aFailedTraceIsAReportWithTheErrorAndOthersStillComplete() throws Exception {
    List<TargetReport> all = discovery.discoverAll(List.of("10.9.9.9", "10.3.0.2")).get();

    assertThat(all.get(0).error()).hasValueSatisfying(e -> assertThat(e)
        .contains("BINARY_MISSING").contains("/x/traceroute"));
    assertThat(all.get(1).providers()).hasSize(1);
  }
}
