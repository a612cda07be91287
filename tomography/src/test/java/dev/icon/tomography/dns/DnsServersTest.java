package dev.icon.tomography.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DnsServersTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "127.0.0.1:5353, 127.0.0.1, 5353",
      "10.0.0.1, 10.0.0.1, 53",
      "'[::1]:5300', 0:0:0:0:0:0:0:1, 5300",
      "'[fd00::53]', fd00:0:0:0:0:0:0:53, 53",
      "::1, 0:0:0:0:0:0:0:1, 53",
  })
  void parsesHostAndPort(String text, String host, int port) {
    InetSocketAddress a = DnsServers.parse(text);

    assertThat(a.getAddress().getHostAddress()).isEqualTo(host);
    assertThat(a.getPort()).isEqualTo(port);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "dns.example:53", "127.0.0.1:0", "127.0.0.1:70000",
      "127.0.0.1:x", "[::1", "[::1]x", "1.2.3:53"})
  void rejectsWhatIsNotIpAndPort(String text) {
    assertThatThrownBy(() -> DnsServers.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("DNS server '" + text + "'");
  }
}
