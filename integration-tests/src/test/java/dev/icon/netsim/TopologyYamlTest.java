package dev.icon.netsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TopologyYamlTest {

  static final String SMALL = """
      dns: {node: dns}
      nodes:
        r1:   {role: router, router_id: 10.255.0.1, reverse_name: r1.fra.isp-a.example}
        dns:  {role: dns}
        c:    {role: client}
        edge: {role: provider, provider: {domain: fra.isp-a.example, port: 4001}}
      links:
        - {between: [r1, dns], subnet: 10.0.1.0/24}
        - {between: [r1, c], subnet: 10.0.2.0/24, addresses: [10.0.2.1, 10.0.2.10], delay_ms: 2.5}
        - {between: [r1, edge], subnet: 10.0.3.0/30, delay_ms: 1}
      """;

  @Test
  void readsNodesLinksAndDefaults() {
    Topology t = TopologyYaml.parse(SMALL);

    assertThat(t.nodes().keySet()).containsExactly("r1", "dns", "c", "edge");
    assertThat(t.dns()).isEqualTo(new Topology.Dns("dns", 53, "_icon._tcp"));
    assertThat(t.address("r1")).isEqualTo("10.255.0.1");
    assertThat(t.address("dns")).isEqualTo("10.0.1.2");
    assertThat(t.address("c")).isEqualTo("10.0.2.10");
    assertThat(t.links().get(1).delayMillis()).isEqualTo(2.5);
    assertThat(t.links().get(0).delayMillis()).isZero();
    assertThat(t.node("edge").provider())
        .isEqualTo(new Topology.Provider("fra.isp-a.example", 4001, 10, 1, null));
    assertThat(t.nodesWith(Topology.Role.ROUTER)).containsExactly("r1");
  }

  @Test
  void theTestTopologyParses() throws Exception {
    Topology t = TopologyYaml.resource("netsim/three-regions.yaml");

    assertThat(t.nodesWith(Topology.Role.CLIENT)).hasSize(3);
    assertThat(t.nodesWith(Topology.Role.PROVIDER)).hasSize(3);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown top key | 'dns: {node: dns}' | 'extra: 1' | topology: unknown key 'extra'",
      "router without id | 'r1:   {role: router, router_id: 10.255.0.1, reverse_name: r1.fra.isp-a.example}' | 'r1:   {role: router}' | nodes.r1.router_id: is required",
      "bad role | 'c:    {role: client}' | 'c:    {role: clyent}' | nodes.c.role: unknown role 'clyent'",
      "host with two links | 'subnet: 10.0.3.0/30, delay_ms: 1}' | 'subnet: 10.0.3.0/30}\n  - {between: [c, edge], subnet: 10.0.4.0/30}' | links: every host needs exactly one link",
      "unknown node | '[r1, c]' | '[r1, x]' | links[1].between: names an unknown node",
      "address off subnet | '10.0.2.10]' | '10.0.9.10]' | links[1].addresses: 10.0.9.10 is not in 10.0.2.0/24",
      "host bits in subnet | '10.0.3.0/30' | '10.0.3.1/30' | links[2].subnet: 10.0.3.1/30 has host bits set",
      "negative delay | 'delay_ms: 1}' | 'delay_ms: -1}' | links[2].delay_ms: must be 0..10000",
      "delay as text | 'delay_ms: 1}' | 'delay_ms: soon}' | links[2].delay_ms: expected a number",
      "bad reverse name | 'r1.fra.isp-a.example' | 'r1..example' | nodes.r1.reverse_name: is not a DNS name",
      "provider domain | 'domain: fra.isp-a.example' | 'domain: -' | nodes.edge.provider.domain: is not a DNS name",
      "dns on a client | 'dns: {node: dns}' | 'dns: {node: c}' | dns.node: must name a node with role dns",
      "overlapping subnets | '10.0.3.0/30' | '10.0.2.64/30' | links[2].subnet: 10.0.2.64/30 overlaps links[1]'s 10.0.2.0/24",
      "router id in a link | 'router_id: 10.255.0.1' | 'router_id: 10.0.1.77' | nodes.r1.router_id: 10.0.1.77 lies in a link's subnet",
      "node name too long | 'c:    {role: client}' | 'a-very-long-name: {role: client}' | nodes.a-very-long-name: a node name is 1-12",
  })
  void errorsNameTheFieldAtFault(String what, String from, String to, String message) {
    String text = what.equals("unknown top key") ? SMALL + "extra: 1\n"
        : SMALL.replace(from.replace("\\n", "\n"), to.replace("\\n", "\n"));
    assertThat(text).as("the edit applies").isNotEqualTo(SMALL);

    assertThatThrownBy(() -> TopologyYaml.parse(text))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
  }

  @Test
  void notYamlIsAClearError() {
    assertThatThrownBy(() -> TopologyYaml.parse("nodes: [unclosed"))
        .hasMessageStartingWith("topology is not YAML");
  }
}
