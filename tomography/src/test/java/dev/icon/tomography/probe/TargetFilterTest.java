package dev.icon.tomography.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.testing.MutableClock;
import dev.icon.tomography.map.IpPrefix;
import dev.icon.tomography.map.MapConfig;
import dev.icon.tomography.map.NodeKind;
import dev.icon.tomography.map.TopologyMap;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetFilterTest {

  @ParameterizedTest
  @CsvSource({
      "0.0.0.0, unspecified",
      "::, unspecified",
      "224.0.0.1, multicast",
      "ff02::1, multicast",
      "255.255.255.255, broadcast or reserved",
      "240.1.2.3, broadcast or reserved",
      "0.1.2.3, broadcast or reserved",
      "127.0.0.1, loopback",
      "::1, loopback",
      "169.254.1.1, link-local",
      "fe80::1, link-local",
  })
  void refusesAddressesThatAreNoOnesClient(String address, String why) throws Exception {
    TargetFilter filter = new TargetFilter(ProbeConfig.defaults());

    assertThat(filter.refusal(InetAddress.getByName(address))).hasValueSatisfying(
        r -> assertThat(r).contains(why));
  }

  @ParameterizedTest
  @CsvSource({"198.51.100.7", "10.1.2.3", "2001:db8::7"})
  void admitsUnicastAddressesByDefault(String address) throws Exception {
    assertThat(new TargetFilter(ProbeConfig.defaults()).refusal(InetAddress.getByName(address)))
        .isEmpty();
  }

  @Test
  void loopbackOnlyWhenConfigured() throws Exception {
    TargetFilter filter = new TargetFilter(ProbeConfig.builder().allowLoopback(true).build());

    assertThat(filter.refusal(InetAddress.getByName("127.0.0.1"))).isEmpty();
  }

  @Test
  void anAllowListAdmitsItsPrefixesAndTheMapsAddressesOnly() throws Exception {
    TopologyMap map = new TopologyMap(MapConfig.defaults(), new MutableClock());
    map.observe("192.0.2.1", NodeKind.ROUTER, "203.0.113.9", NodeKind.HOST, 1, "A",
        new MutableClock().instant());
    ProbeConfig config = ProbeConfig.builder()
        .allowedPrefixes(List.of(IpPrefix.parse("198.51.100.0/24"))).build();
    TargetFilter filter = new TargetFilter(config, TargetFilter.knownIn(map));

    assertThat(filter.refusal(InetAddress.getByName("198.51.100.77"))).isEmpty();
    assertThat(filter.refusal(InetAddress.getByName("203.0.113.9"))).isEmpty();
    assertThat(filter.refusal(InetAddress.getByName("203.0.113.10")))
        .hasValueSatisfying(r -> assertThat(r).contains("allow-list"));
    assertThat(new TargetFilter(config).refusal(InetAddress.getByName("203.0.113.9")))
        .as("prefixes alone").isPresent();
  }
}
