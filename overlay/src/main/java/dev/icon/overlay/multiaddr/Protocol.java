package dev.icon.overlay.multiaddr;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The multiaddr protocols this implementation knows, with their multicodec codes (multiformats
 * multiaddr protocols.csv). Value-less entries mark transports and security layers we only carry
 * through (e.g. addresses learnt from js peers), so those addresses are not dropped as unknown.
 */
public enum Protocol {
  /** IPv4 address, 4 bytes. */
  IP4(0x04, "ip4", 4),
  /** TCP port, 2 bytes big-endian. */
  TCP(0x06, "tcp", 2),
  /** DNS name resolved to either family. */
  DNS(0x35, "dns", Protocol.VARIABLE),
  /** DNS name resolved to IPv4. */
  DNS4(0x36, "dns4", Protocol.VARIABLE),
  /** DNS name resolved to IPv6. */
  DNS6(0x37, "dns6", Protocol.VARIABLE),
  /** DNS name whose TXT records hold multiaddrs. */
  DNSADDR(0x38, "dnsaddr", Protocol.VARIABLE),
  /** IPv6 address, 16 bytes. */
  IP6(0x29, "ip6", 16),
  /** IPv6 zone (scope) name, precedes an ip6 component. */
  IP6ZONE(0x2a, "ip6zone", Protocol.VARIABLE),
  /** UDP port, 2 bytes big-endian. */
  UDP(0x0111, "udp", 2),
  /** WebRTC without a relay (browser to server). */
  WEBRTC_DIRECT(0x0118, "webrtc-direct", 0),
  /** WebRTC via a relay. */
  WEBRTC(0x0119, "webrtc", 0),
  /** Circuit relay marker: what follows is reached through the preceding relay. */
  P2P_CIRCUIT(0x0122, "p2p-circuit", 0),
  /** TLS security layer. */
  TLS(0x01c0, "tls", 0),
  /** TLS server name indication. */
  SNI(0x01c1, "sni", Protocol.VARIABLE),
  /** Noise security layer. */
  NOISE(0x01c6, "noise", 0),
  /** QUIC draft-29 (deprecated upstream). */
  QUIC(0x01cc, "quic", 0),
  /** QUIC version 1 (RFC 9000). */
  QUIC_V1(0x01cd, "quic-v1", 0),
  /** WebTransport over QUIC. */
  WEBTRANSPORT(0x01d1, "webtransport", 0),
  /** Certificate hash (a multihash; text is multibase, printed base64url). */
  CERTHASH(0x01d2, "certhash", Protocol.VARIABLE),
  /** WebSocket. */
  WS(0x01dd, "ws", 0),
  /** WebSocket over TLS. */
  WSS(0x01de, "wss", 0),
  /** HTTP. */
  HTTP(0x01e0, "http", 0),
  /** Peer id (multihash); text is base58btc or a CID, alias ipfs. */
  P2P(0x01a5, "p2p", Protocol.VARIABLE);

  /** {@link #size()} of protocols whose value is length-prefixed. */
  public static final int VARIABLE = -1;

  private static final Map<Integer, Protocol> BY_CODE =
      Stream.of(values()).collect(Collectors.toUnmodifiableMap(Protocol::code, Function.identity()));
  private static final Map<String, Protocol> BY_NAME = Stream.concat(
          Stream.of(values()).map(p -> Map.entry(p.protocolName(), p)),
          Stream.of(Map.entry("ipfs", P2P)))
      .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

  private final int code;
  private final String protocolName;
  private final int size;

  Protocol(int code, String protocolName, int size) {
    this.code = code;
    this.protocolName = protocolName;
    this.size = size;
  }

  /** The multicodec code written as a varint in the binary form. */
  public int code() {
    return code;
  }

  /** The canonical text name (p2p, never its alias ipfs). */
  public String protocolName() {
    return protocolName;
  }

  /** Value size in bytes: fixed, 0 for none, or {@link #VARIABLE}. */
  public int size() {
    return size;
  }

  /** Whether a value follows the name in text form. */
  public boolean hasValue() {
    return size != 0;
  }

  /** Looks up a code. */
  public static Optional<Protocol> byCode(long code) {
    return code > Integer.MAX_VALUE ? Optional.empty() : Optional.ofNullable(BY_CODE.get((int) code));
  }

  /** Looks up a text name, accepting the alias {@code ipfs} for {@link #P2P}. */
  public static Optional<Protocol> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }
}
