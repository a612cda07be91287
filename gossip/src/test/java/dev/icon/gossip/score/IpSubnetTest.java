package dev.icon.gossip.score;

import static dev.icon.gossip.score.ScoreTestSupport.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpSubnetTest {

  @ParameterizedTest
  @CsvSource({
    "10.0.0.0/8, 10.200.3.4, true",
    "10.0.0.0/8, 11.0.0.1, false",
    "192.168.1.0/25, 192.168.1.127, true",
    "192.168.1.0/25, 192.168.1.128, false",
    "0.0.0.0/0, 8.8.8.8, true",
    "1.2.3.4, 1.2.3.4, true",
    "1.2.3.4, 1.2.3.5, false",
    "fd00::/8, fd12::1, true",
    "fd00::/8, 10.0.0.1, false",
  })
  void matchesByPrefix(String cidr, String address, boolean expected) {
    assertThat(IpSubnet.parse(cidr).contains(ip(address))).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "example.com", "10.0.0.0/33", "10.0.0.0/x", "::/129"})
  void rejectsMalformed(String cidr) {
    assertThatThrownBy(() -> IpSubnet.parse(cidr)).isInstanceOf(IllegalArgumentException.class);
  }
}
