package dev.icon.netsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoutePlanTest {

  // o - r1 - r2 - c, with h hanging off r1: hosts never transit.
  static final Topology T = TopologyYaml.parse("""
      dns: {node: o}
      nodes:
        r1: {role: router, router_id: 10.255.0.1}
        r2: {role: router, router_id: 10.255.0.2}
        o:  {role: dns}
        c:  {role: client}
        h:  {role: host}
      links:
        - {between: [r1, o], subnet: 10.0.1.0/24, delay_ms: 20}
        - {between: [r1, r2], subnet: 10.0.2.0/30, delay_ms: 2}
        - {between: [r2, c], subnet: 10.0.3.0/24, delay_ms: 0.5}
        - {between: [r1, h], subnet: 10.0.4.0/24}
      """);

  @Test
  void routersRouteEverySubnetAndRouterIdFromTheirId() {
    List<RoutePlan.Route> r = new RoutePlan(T).routes("r1");

    assertThat(r).extracting(RoutePlan.Route::prefix).containsExactlyInAnyOrder("10.0.1.0/24",
        "10.0.2.0/30", "10.0.4.0/24", "10.0.3.0/24", "10.255.0.2/32");
    assertThat(r).allSatisfy(x -> assertThat(x.source()).isEqualTo("10.255.0.1"));
    RoutePlan.Route toC = r.stream().filter(x -> x.prefix().equals("10.0.3.0/24")).findFirst()
        .orElseThrow();
    assertThat(toC.via()).isEqualTo("10.0.2.2");
    assertThat(RoutePlan.interfaceName("r1", toC.link())).isEqualTo("r2");
    assertThat(r.stream().filter(x -> x.prefix().equals("10.0.1.0/24")).findFirst()
        .orElseThrow().via()).isNull();
  }

  @Test
  void hostsHaveTheirSubnetAndADefaultRoute() {
    List<RoutePlan.Route> r = new RoutePlan(T).routes("c");

    assertThat(r).extracting(RoutePlan.Route::prefix, RoutePlan.Route::via,
        RoutePlan.Route::source).containsExactly(
            org.assertj.core.groups.Tuple.tuple("10.0.3.0/24", null, "10.0.3.2"),
            org.assertj.core.groups.Tuple.tuple("default", "10.0.3.1", "10.0.3.2"));
  }

  @Test
  void pathsAndConfiguredRtts() {
    RoutePlan plan = new RoutePlan(T);

    assertThat(plan.path("o", "c")).extracting(Topology.Link::subnet).extracting(Cidr::toString)
        .containsExactly("10.0.1.0/24", "10.0.2.0/30", "10.0.3.0/24");
    assertThat(plan.configuredRttMillis("o", "c")).isEqualTo(45.0);
    assertThat(plan.configuredRttMillis("c", "o")).isEqualTo(45.0);
    assertThat(plan.configuredRttMillis("h", "o")).isEqualTo(40.0);
    assertThat(plan.path("c", "c")).isEmpty();
  }
}
