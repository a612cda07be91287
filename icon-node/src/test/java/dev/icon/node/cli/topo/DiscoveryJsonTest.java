package dev.icon.node.cli.topo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.overlay.multiaddr.Multiaddr;
import dev.icon.tomography.discovery.DiscoveredHop;
import dev.icon.tomography.discovery.TargetReport;
import dev.icon.tomography.dns.ProviderRecord;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;

class DiscoveryJsonTest {

  @Test
  void printsHopsDomainsAndProvidersWithNullsForWhatIsAbsent() throws Exception {
    PeerId peer = PeerId.fromPublicKey(PrivateKey.generateEd25519().publicKey());
    ProviderRecord p = new ProviderRecord(Name.fromString("fra.isp-a.example."),
        Name.fromString("edge.fra.isp-a.example."), 4001, 10, 5, Optional.of(peer),
        List.of(Multiaddr.parse("/ip4/192.0.2.10/tcp/4001")),
        List.of(InetAddress.getByName("192.0.2.10")), List.of());
    TargetReport r = new TargetReport("10.3.0.2", List.of(
        new DiscoveredHop(1, InetAddress.getByName("10.1.0.2"), 0.25,
            Name.fromString("r1.fra.isp-a.example.")),
        new DiscoveredHop(2, null, Double.NaN, null)),
        List.of(Name.fromString("fra.isp-a.example."), Name.fromString("isp-a.example.")),
        List.of(p), Optional.empty());

    JsonNode t = DiscoveryJson.of(List.of(r)).get("targets").get(0);

    assertThat(t.get("target").asText()).isEqualTo("10.3.0.2");
    assertThat(t.get("error").isNull()).isTrue();
    assertThat(t.get("hops").get(0).toString()).isEqualTo(
        "{\"ttl\":1,\"ip\":\"10.1.0.2\",\"rtt_ms\":0.25,\"name\":\"r1.fra.isp-a.example\"}");
    assertThat(t.get("hops").get(1).toString()).isEqualTo(
        "{\"ttl\":2,\"ip\":null,\"rtt_ms\":null,\"name\":null}");
    assertThat(t.get("domains_tried").toString())
        .isEqualTo("[\"fra.isp-a.example\",\"isp-a.example\"]");
    JsonNode prov = t.get("providers").get(0);
    assertThat(prov.get("domain").asText()).isEqualTo("fra.isp-a.example");
    assertThat(prov.get("srv_target").asText()).isEqualTo("edge.fra.isp-a.example");
    assertThat(prov.get("port").asInt()).isEqualTo(4001);
    assertThat(prov.get("priority").asInt()).isEqualTo(10);
    assertThat(prov.get("weight").asInt()).isEqualTo(5);
    assertThat(prov.get("peerId").asText()).isEqualTo(peer.toString());
    assertThat(prov.get("addrs").toString()).isEqualTo("[\"/ip4/192.0.2.10/tcp/4001\"]");
    assertThat(prov.get("target_addresses").toString()).isEqualTo("[\"192.0.2.10\"]");
  }

  @Test
  void aFailedTargetCarriesItsError() {
    TargetReport r = new TargetReport("10.9.9.9", List.of(), List.of(), List.of(),
        Optional.of("BINARY_MISSING: traceroute executable /x missing"));

    JsonNode t = DiscoveryJson.of(List.of(r)).get("targets").get(0);

    assertThat(t.get("error").asText()).startsWith("BINARY_MISSING");
    assertThat(t.get("hops")).isEmpty();
  }
}
