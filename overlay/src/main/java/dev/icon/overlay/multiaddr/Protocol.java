package dev.icon.overlay.multiaddr;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The multiaddr protocols this implementation knows, with their multicodec codes. */
public enum Protocol {
  IP4(0x04, "ip4", 4),
  TCP(0x06, "tcp", 2),
  DNS(0x35, "dns", Protocol.VARIABLE),
  DNS4(0x36, "dns4", Protocol.VARIABLE),
  DNS6(0x37, "dns6", Protocol.VARIABLE),
  DNSADDR(0x38, "dnsaddr", Protocol.VARIABLE),
  IP6(0x29, "ip6", 16),
  UDP(0x0111, "udp", 2),
  WEBRTC_DIRECT(0x0118, "webrtc-direct", 0),
  WEBRTC(0x0119, "webrtc", 0),
  P2P_CIRCUIT(0x0122, "p2p-circuit", 0),
  TLS(0x01c0, "tls", 0),
  NOISE(0x01c6, "noise", 0),
  QUIC(0x01cc, "quic", 0),
  QUIC_V1(0x01cd, "quic-v1", 0),
  WEBTRANSPORT(0x01d1, "webtransport", 0),
  WS(0x01dd, "ws", 0),
  WSS(0x01de, "wss", 0),
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
