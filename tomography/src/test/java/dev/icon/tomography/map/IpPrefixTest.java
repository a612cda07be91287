package dev.icon.tomography.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpPrefixTest {

  @ParameterizedTest
  @CsvSource({
      "198.51.100.77, 24, 198.51.100.0/24",
      "198.51.100.77, 32, 198.51.100.77/32",
      "198.51.100.77, 0, 0.0.0.0/0",
      "198.51.100.77, 20, 198.51.96.0/20",
      "2001:db8:1:2::9, 48, 2001:db8:1:0:0:0:0:0/48",
      "2001:db8:1:2::9, 52, 2001:db8:1:0:0:0:0:0/52",
      "2001:db8:1:f2ff::9, 56, 2001:db8:1:f200:0:0:0:0/56",
  })
  void ofMasksTheHostBits(String address, int length, String expected) throws Exception {
    IpPrefix p = IpPrefix.of(InetAddress.getByName(address), length);

    assertThat(p).hasToString(expected);
    assertThat(p.contains(InetAddress.getByName(address))).isTrue();
    assertThat(IpPrefix.parse(expected)).isEqualTo(p);
  }

  @Test
  void containsOnlyItsOwnFamilyAndRange() throws Exception {
    IpPrefix p = IpPrefix.parse("10.1.0.0/16");

    assertThat(p.contains(InetAddress.getByName("10.1.255.255"))).isTrue();
    assertThat(p.contains(InetAddress.getByName("10.2.0.0"))).isFalse();
    assertThat(p.contains(InetAddress.getByName("::a01:0"))).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
      "10.1.0.1/16, host bits set",
      "10.1.0.0, ADDRESS/LENGTH",
      "10.1.0.0/33, 0..32",
      "10.1.0.0/x, numeric",
      "example.com/24, IP address",
      "::/129, 0..128",
  })
  void refusesWhatIsNotAPrefixWithAReason(String text, String why) {
    assertThatThrownBy(() -> IpPrefix.parse(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(why);
  }
}
