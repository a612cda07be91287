package dev.icon.node.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientPrefixTest {

  @ParameterizedTest
  @CsvSource({
      "192.0.2.77, 24, 48, 192.0.2.0/24",
      "192.0.2.77, 16, 48, 192.0.0.0/16",
      "192.0.2.77, 32, 48, 192.0.2.77/32",
      "10.255.255.255, 9, 48, 10.128.0.0/9",
      "::ffff:10.1.2.3, 24, 48, 10.1.2.0/24",
      "2001:db8:1:2::5, 24, 48, 2001:db8:1:0:0:0:0:0/48",
      "2001:db8:1:2::5, 24, 64, 2001:db8:1:2:0:0:0:0/64",
      "2001:db8:ffff::1, 24, 36, 2001:db8:f000:0:0:0:0:0/36",
  })
  void groupsByTheFamilysPrefixLength(String address, int v4, int v6, String cidr)
      throws Exception {
    ClientPrefix p = ClientPrefix.of(InetAddress.getByName(address), v4, v6);
    assertThat(p).hasToString(cidr);
    assertThat(p.contains(InetAddress.getByName(address))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 4711})
  void everyAddressLiesInItsPrefixAndSharesItWithItsNeighboursOnly(long seed) throws Exception {
    Random random = new Random(seed);
    for (int i = 0; i < 500; i++) {
      byte[] raw = new byte[random.nextBoolean() ? 4 : 16];
      random.nextBytes(raw);
      if (raw.length == 16 && raw[0] == 0) {
        raw[0] = 0x20; // keep clear of IPv4-mapped/compatible forms
      }
      int v4 = 1 + random.nextInt(32);
      int v6 = 1 + random.nextInt(128);
      InetAddress a = InetAddress.getByAddress(raw);
      ClientPrefix p = ClientPrefix.of(a, v4, v6);
      assertThat(p.contains(a)).isTrue();
      int bits = raw.length == 4 ? v4 : v6;
      byte[] flipped = raw.clone();
      int bit = random.nextInt(raw.length * 8);
      flipped[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
      InetAddress b = InetAddress.getByAddress(flipped);
      assertThat(ClientPrefix.of(b, v4, v6).equals(p)).isEqualTo(bit >= bits);
      assertThat(p.contains(b)).isEqualTo(bit >= bits);
    }
  }

  @ParameterizedTest
  @CsvSource({"192.0.2.1, 24", "10.0.0.0, 33", "10.0.0.0, -1"})
  void refusesHostBitsAndBadLengths(String network, int bits) {
    assertThatThrownBy(() -> new ClientPrefix(InetAddress.getByName(network), bits))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
