package dev.icon.overlay.multiaddr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Round trips, and the fuzz harness: any input parses or throws MultiaddrException. */
class MultiaddrPropertiesTest {

  @Property(tries = 1000)
  void ipTcpAddressesRoundTrip(@ForAll @Size(4) byte[] ip4, @ForAll @Size(16) byte[] ip6,
      @ForAll @IntRange(max = 65535) int port) {
    for (Protocol family : List.of(Protocol.IP4, Protocol.IP6)) {
      Multiaddr addr = Multiaddr.of(List.of(new Component(family, family == Protocol.IP4 ? ip4 : ip6),
          Component.of(Protocol.TCP, Integer.toString(port))));

      assertThat(Multiaddr.parse(addr.toString())).isEqualTo(addr);
      assertThat(Multiaddr.fromBytes(addr.toBytes()).toString()).isEqualTo(addr.toString());
      assertThat(Multiaddr.fromTcpSocketAddress(addr.toTcpSocketAddress()).toBytes())
          .hasSize(addr.toBytes().length - (family == Protocol.IP6 && isMapped(ip6) ? 12 : 0));
    }
  }

  @Property(tries = 3000)
  void arbitraryBytesDecodeOrThrowMultiaddrException(@ForAll @Size(max = 64) byte[] input) {
    try {
      Multiaddr addr = Multiaddr.fromBytes(input);
      assertThat(Multiaddr.parse(addr.toString())).isEqualTo(addr);
    } catch (MultiaddrException expected) {
      // the only failure allowed
    }
  }

  @Property(tries = 3000)
  void arbitraryTextParsesOrThrowsMultiaddrException(@ForAll("addressLike") String text) {
    try {
      Multiaddr addr = Multiaddr.parse(text);
      assertThat(Multiaddr.fromBytes(addr.toBytes())).isEqualTo(addr);
    } catch (MultiaddrException expected) {
      // the only failure allowed
    }
  }

  @Provide
  Arbitrary<String> addressLike() {
    Arbitrary<String> token = Arbitraries.oneOf(
        Arbitraries.of("ip4", "ip6", "tcp", "udp", "dns", "dns4", "dnsaddr", "p2p", "ipfs", "ws",
            "p2p-circuit", "certhash", "uEiAAAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHw", "ip6zone", "sni", "1.2.3.4", "::1", "::ffff:1.2.3.4", "65535", "65536", "0", "",
            "12D3KooWBtg3aaRMjxwedh83aGiUkwSxDwUZkzuJcfaqUmo7R3pq", "Qm", "b", "%", ":"),
        Arbitraries.strings().ofMaxLength(8));
    return token.list().ofMaxSize(6).map(parts -> "/" + String.join("/", parts));
  }

  private static boolean isMapped(byte[] ip6) {
    for (int i = 0; i < 10; i++) {
      if (ip6[i] != 0) {
        return false;
      }
    }
    return ip6[10] == (byte) 0xff && ip6[11] == (byte) 0xff;
  }
}
