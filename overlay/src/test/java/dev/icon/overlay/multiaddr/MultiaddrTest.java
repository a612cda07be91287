package dev.icon.overlay.multiaddr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.icon.overlay.identity.PeerId;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MultiaddrTest {

  private static final HexFormat HEX = HexFormat.of();
  static final String PEER = "12D3KooWBtg3aaRMjxwedh83aGiUkwSxDwUZkzuJcfaqUmo7R3pq";
  static final String PEER_MULTIHASH =
      "0024080112201ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e";
  static final String PEER_CID = "bafzaajaiaejcahwr5d5ofrfbis4l5d6uwr57hu5tjodrypfm6yaq6dsc2r2pzyt6";

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource({
    "/ip4/127.0.0.1/tcp/4001, 047f000001060fa1",
    "/ip4/127.0.0.1/udp/1234, 047f000001910204d2",
    "/ip6/::1/tcp/8080, 2900000000000000000000000000000001061f90",
    "/dns4/example.com/tcp/443, 360b6578616d706c652e636f6d0601bb",
    "/dnsaddr/bootstrap.libp2p.io, 3813626f6f7473747261702e6c69627032702e696f",
    "/dns/example.com, 350b6578616d706c652e636f6d",
    "/dns6/example.com, 370b6578616d706c652e636f6d",
    "/ip4/1.2.3.4/tcp/80/p2p/" + PEER + ", 040102030406 0050 a503 26" + PEER_MULTIHASH,
    "/ip4/127.0.0.1/udp/4001/quic-v1, 047f00000191020fa1cd03",
    "/ip4/1.2.3.4/tcp/1/ws, 04010203040600 01dd03",
    "/p2p-circuit, a202",
    "/ip6zone/eth0/ip6/fe80::1, 2a0465746830 29fe800000000000000000000000000001",
    "/dns4/a.com/tcp/443/tls/sni/a.com/http, 3605612e636f6d 0601bb c003 c10305612e636f6d e003",
    "/ip4/1.2.3.4/udp/1/quic-v1/webtransport/certhash/" + CERTHASH
        + ", 0401020304 91020001 cd03 d103 d20322" + CERTHASH_HEX,
  })
  void textAndBinaryFormsRoundTrip(String text, String hex) {
    byte[] bytes = HEX.parseHex(hex.replace(" ", ""));

    Multiaddr fromText = Multiaddr.parse(text);
    Multiaddr fromBytes = Multiaddr.fromBytes(bytes);

    assertThat(fromText.toBytes()).isEqualTo(bytes);
    assertThat(fromBytes.toString()).isEqualTo(text);
    assertThat(fromText).isEqualTo(fromBytes).hasSameHashCodeAs(fromBytes);
  }

  static final String CERTHASH = "uEiAAAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHw";
  static final String CERTHASH_HEX =
      "1220000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "/ip6/2001:DB8:0:0:0:0:0:1, /ip6/2001:db8::1",
    "/ip6/0:0:0:0:0:0:0:0, /ip6/::",
    "/ip6/2001:0db8:0000:0000:0000:ff00:0042:8329, /ip6/2001:db8::ff00:42:8329",
    "/ip6/2001:db8:0:0:1:0:0:1, /ip6/2001:db8::1:0:0:1",
    "/ip6/1:0:0:0:1:0:0:0, /ip6/1::1:0:0:0",
    "/ip6/1:2:3:4:5:6:7:0, /ip6/1:2:3:4:5:6:7:0",
    "/ip6/1:0:2:3:4:5:6:7, /ip6/1:0:2:3:4:5:6:7",
    "/ip6/fe80::, /ip6/fe80::",
    "/ip6/::ffff:1.2.3.4, /ip6/::ffff:1.2.3.4",
    "/ip6/::ffff:0102:0304, /ip6/::ffff:1.2.3.4",
    "/ip6/::1.2.3.4, /ip6/::102:304",
    "/ipfs/" + PEER + ", /p2p/" + PEER,
    "/p2p/" + PEER_CID + ", /p2p/" + PEER,
    "/ip4/1.2.3.4/tcp/0080/, /ip4/1.2.3.4/tcp/80",
    "/certhash/mEiAAAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHw, /certhash/" + CERTHASH,
  })
  void printsTheCanonicalForm(String input, String canonical) {
    assertThat(Multiaddr.parse(input).toString()).isEqualTo(canonical);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource({
    "'', SYNTAX",
    "/, SYNTAX",
    "ip4/1.2.3.4, SYNTAX",
    "/ip4, SYNTAX",
    "/ip4/1.2.3.4//tcp/1, SYNTAX",
    "/ip4/256.0.0.1, INVALID_VALUE",
    "/ip4/1.2.3, INVALID_VALUE",
    "/ip4/01.2.3.4, INVALID_VALUE",
    "/ip4/localhost, INVALID_VALUE",
    "/ip6/fe80::1%eth0, INVALID_VALUE",
    "/ip6/[::1], INVALID_VALUE",
    "/ip6/1:2:3:4:5:6:7:8:9, INVALID_VALUE",
    "/ip6/1::2::3, INVALID_VALUE",
    "/ip6/12345::, INVALID_VALUE",
    "/ip6/1.2.3.4, INVALID_VALUE",
    "/tcp/65536, INVALID_VALUE",
    "/tcp/-1, INVALID_VALUE",
    "/udp/abc, INVALID_VALUE",
    "/p2p/QmNotAPeerId, INVALID_VALUE",
    "/quic-v1/1, UNKNOWN_PROTOCOL",
    "/foo/1, UNKNOWN_PROTOCOL",
    "/unix/tmp, UNKNOWN_PROTOCOL",
    "/certhash/uEiAAAQ, INVALID_VALUE",
    "/certhash/xyz, INVALID_VALUE",
    "/sni/a/b, UNKNOWN_PROTOCOL",
  })
  void badTextIsRejectedWithItsReason(String text, MultiaddrError error) {
    assertThatThrownBy(() -> Multiaddr.parse(text))
        .isInstanceOfSatisfying(MultiaddrException.class, e -> assertThat(e.error()).isEqualTo(error));
  }

  @Test
  void unknownNamesAndCodesAreNamedInTheMessage() {
    assertThatThrownBy(() -> Multiaddr.parse("/ip4/1.2.3.4/sctp/5"))
        .hasMessageContaining("'sctp'");
    assertThatThrownBy(() -> Multiaddr.fromBytes(HEX.parseHex("8401")))
        .isInstanceOfSatisfying(MultiaddrException.class,
            e -> assertThat(e.error()).isEqualTo(MultiaddrError.UNKNOWN_PROTOCOL))
        .hasMessageContaining("0x84 (132)");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource({
    "'', SYNTAX",
    "ff, TRUNCATED",
    "047f00, TRUNCATED",
    "06, TRUNCATED",
    "0401020304 06 00, TRUNCATED",
    "35 05 6162, TRUNCATED",
    "35 8040 61, TOO_LONG",
    "35 00, INVALID_VALUE",
    "35 02 c328, INVALID_VALUE",
    "35 03 612f62, INVALID_VALUE",
    "a503 04 12020102, INVALID_VALUE",
    "a503 ffffffff0f, TOO_LONG",
    "8000, TRUNCATED",
  })
  void badBytesAreRejectedWithTheirReason(String hex, MultiaddrError error) {
    byte[] bytes = HEX.parseHex(hex.replace(" ", ""));

    assertThatThrownBy(() -> Multiaddr.fromBytes(bytes))
        .isInstanceOfSatisfying(MultiaddrException.class, e -> assertThat(e.error()).isEqualTo(error));
  }

  @Test
  void oversizedInputIsRejected() {
    assertThatThrownBy(() -> Multiaddr.fromBytes(new byte[Multiaddr.MAX_BYTES + 1]))
        .isInstanceOfSatisfying(MultiaddrException.class,
            e -> assertThat(e.error()).isEqualTo(MultiaddrError.TOO_LONG));
  }

  @Test
  void peerIdIsTakenFromATrailingP2pComponentOnly() {
    PeerId peer = PeerId.parse(PEER);
    Multiaddr base = Multiaddr.parse("/ip4/1.2.3.4/tcp/4001");
    Multiaddr full = base.withPeerId(peer);
    Multiaddr relayed = Multiaddr.parse("/ip4/1.2.3.4/tcp/4001/p2p/" + PEER + "/p2p-circuit");

    assertThat(full.toString()).isEqualTo("/ip4/1.2.3.4/tcp/4001/p2p/" + PEER);
    assertThat(full.peerId()).contains(peer);
    assertThat(full.withPeerId(peer)).isSameAs(full);
    assertThat(full.withoutPeerId()).isEqualTo(base);
    assertThat(base.peerId()).isEmpty();
    assertThat(base.withoutPeerId()).isSameAs(base);
    assertThat(relayed.peerId()).isEmpty();
  }

  @Test
  void attachingADifferentPeerIdFails() {
    Multiaddr full = Multiaddr.parse("/ip4/1.2.3.4/tcp/4001/p2p/" + PEER);
    PeerId other = PeerId.parse("QmaeANgBs1DTSxWSrPPtobgQuxW8XTfsS4ydbK4rCHzqxG");

    assertThatThrownBy(() -> full.withPeerId(other))
        .isInstanceOfSatisfying(MultiaddrException.class,
            e -> assertThat(e.error()).isEqualTo(MultiaddrError.PEER_ID_MISMATCH));
  }

  @Test
  void tcpSocketAddressesConvertBothWaysWithoutResolving() {
    InetSocketAddress v4 = Multiaddr.parse("/ip4/127.0.0.1/tcp/4001/p2p/" + PEER)
        .toTcpSocketAddress();
    InetSocketAddress v6 = Multiaddr.parse("/ip6/::1/tcp/80").toTcpSocketAddress();

    assertThat(v4.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    assertThat(v4.getPort()).isEqualTo(4001);
    assertThat(v6.getAddress().getAddress()).hasSize(16);
    assertThat(v6.getPort()).isEqualTo(80);
    assertThat(Multiaddr.fromTcpSocketAddress(v4).toString()).isEqualTo("/ip4/127.0.0.1/tcp/4001");
    assertThat(Multiaddr.fromTcpSocketAddress(v6).toString()).isEqualTo("/ip6/::1/tcp/80");
  }

  @ParameterizedTest
  @CsvSource({"/dns4/example.com/tcp/1", "/ip4/1.2.3.4/udp/1", "/ip4/1.2.3.4",
      "/ip4/1.2.3.4/tcp/1/ws"})
  void nonTcpAddressesDoNotConvert(String text) {
    assertThatThrownBy(() -> Multiaddr.parse(text).toTcpSocketAddress())
        .isInstanceOfSatisfying(MultiaddrException.class,
            e -> assertThat(e.error()).isEqualTo(MultiaddrError.NOT_TCP));
  }

  @Test
  void unresolvedSocketAddressIsRejected() {
    assertThatThrownBy(() ->
        Multiaddr.fromTcpSocketAddress(InetSocketAddress.createUnresolved("example.com", 1)))
        .isInstanceOf(MultiaddrException.class);
  }

  @Test
  void componentsAreExposedInOrder() {
    Multiaddr addr = Multiaddr.parse("/dns4/example.com/tcp/443/wss");

    assertThat(addr.components()).extracting(Component::protocol)
        .containsExactly(Protocol.DNS4, Protocol.TCP, Protocol.WSS);
    assertThat(addr.components().get(0).valueText()).isEqualTo("example.com");
    assertThat(Multiaddr.of(List.of(Component.of(Protocol.IP4, "10.0.0.1"),
        Component.of(Protocol.TCP, "1")))).isEqualTo(Multiaddr.parse("/ip4/10.0.0.1/tcp/1"));
    assertThatThrownBy(() -> Multiaddr.of(List.of())).isInstanceOf(MultiaddrException.class);
  }
}
