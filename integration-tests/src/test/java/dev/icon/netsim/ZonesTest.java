package dev.icon.netsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ZonesTest {

  @Test
  void reverseZonesNameEveryAddressAndForwardZonesHoldTheProviders() {
    Topology t = TopologyYaml.parse(TopologyYamlTest.SMALL);

    Map<String, String> zones = Zones.of(t, Map.of("edge", "12D3KooWtest"));

    assertThat(zones.keySet()).containsExactly("10.in-addr.arpa.", "example.");
    assertThat(zones.get("10.in-addr.arpa."))
        .contains("1.0.255.10.in-addr.arpa. IN PTR r1.fra.isp-a.example.")
        .contains("1.2.0.10.in-addr.arpa. IN PTR r1.fra.isp-a.example.")
        .contains("ns.10.in-addr.arpa. IN A 10.0.1.2")
        .doesNotContain("10.2.0.10.in-addr.arpa.");
    assertThat(zones.get("example."))
        .contains("_icon._tcp.fra.isp-a.example. IN SRV 10 1 4001 edge.fra.isp-a.example.")
        .contains("_icon._tcp.fra.isp-a.example. IN TXT \"icon-peer=12D3KooWtest\""
            + " \"icon-addr=/ip4/10.0.3.2/tcp/4001\"")
        .contains("edge.fra.isp-a.example. IN A 10.0.3.2")
        .startsWith("$TTL 300\n@ IN SOA ns.example. admin.example. 1");
  }
}
