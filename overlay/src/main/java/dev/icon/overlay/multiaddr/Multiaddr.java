package dev.icon.overlay.multiaddr;

import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.varint.Uvarint;
import dev.icon.overlay.varint.VarintException;
import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A multiaddr: a non-empty sequence of {@link Component}s, e.g. {@code /ip4/127.0.0.1/tcp/4001}.
 * Text and binary forms round-trip; text accepts {@code ipfs} for {@code p2p} and CID peer ids, and
 * always prints the canonical spelling.
 *
 * <p>Immutable and thread-safe; equality is on the binary form.
 */
public final class Multiaddr {

  /** Largest binary form accepted. */
  public static final int MAX_BYTES = 4096;

  private final List<Component> components;
  private final byte[] bytes;

  private Multiaddr(List<Component> components) {
    if (components.isEmpty()) {
      throw new MultiaddrException(MultiaddrError.SYNTAX, "empty multiaddr");
    }
    this.components = List.copyOf(components);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Component c : this.components) {
      byte[] value = c.value();
      out.writeBytes(Uvarint.encode(c.protocol().code()));
      if (c.protocol().size() == Protocol.VARIABLE) {
        out.writeBytes(Uvarint.encode(value.length));
      }
      out.writeBytes(value);
    }
    this.bytes = out.toByteArray();
    if (bytes.length > MAX_BYTES) {
      throw new MultiaddrException(MultiaddrError.TOO_LONG,
          "multiaddr of " + bytes.length + " bytes exceeds " + MAX_BYTES);
    }
  }

  /**
   * A multiaddr of the given components.
   *
   * @throws MultiaddrException if the list is empty or the result too long
   */
  public static Multiaddr of(List<Component> components) {
    return new Multiaddr(components);
  }

  /**
   * Parses the text form. A single trailing '/' is tolerated.
   *
   * @throws MultiaddrException naming the bad part
   */
  public static Multiaddr parse(String text) {
    if (text.length() > 4 * MAX_BYTES) {
      throw new MultiaddrException(MultiaddrError.TOO_LONG, "multiaddr text too long");
    }
    if (!text.startsWith("/")) {
      throw new MultiaddrException(
          MultiaddrError.SYNTAX, "multiaddr must start with '/': '" + text + "'");
    }
    String body = text.length() > 1 && text.endsWith("/")
        ? text.substring(1, text.length() - 1)
        : text.substring(1);
    String[] parts = body.split("/", -1);
    List<Component> components = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      if (parts[i].isEmpty()) {
        throw new MultiaddrException(MultiaddrError.SYNTAX, "empty component in '" + text + "'");
      }
      String name = parts[i];
      Protocol protocol = Protocol.byName(name).orElseThrow(() -> new MultiaddrException(
          MultiaddrError.UNKNOWN_PROTOCOL, "unknown protocol name '" + name + "'"));
      if (!protocol.hasValue()) {
        components.add(new Component(protocol, new byte[0]));
        continue;
      }
      if (++i >= parts.length) {
        throw new MultiaddrException(
            MultiaddrError.SYNTAX, "/" + protocol.protocolName() + " needs a value");
      }
      components.add(Component.of(protocol, parts[i]));
    }
    return new Multiaddr(components);
  }

  /**
   * Decodes the binary form.
   *
   * @throws MultiaddrException on unknown codes, bad values, truncation or oversized lengths
   */
  public static Multiaddr fromBytes(byte[] input) {
    if (input.length > MAX_BYTES) {
      throw new MultiaddrException(MultiaddrError.TOO_LONG,
          "multiaddr of " + input.length + " bytes exceeds " + MAX_BYTES);
    }
    List<Component> components = new ArrayList<>();
    int pos = 0;
    try {
      while (pos < input.length) {
        Uvarint.Decoded code = Uvarint.decode(input, pos);
        pos += code.length();
        Protocol protocol = Protocol.byCode(code.value()).orElseThrow(() -> new MultiaddrException(
            MultiaddrError.UNKNOWN_PROTOCOL, "unknown protocol code 0x"
                + Long.toHexString(code.value()) + " (" + code.value() + ")"));
        long size = protocol.size();
        if (size == Protocol.VARIABLE) {
          Uvarint.Decoded length = Uvarint.decode(input, pos);
          pos += length.length();
          size = length.value();
          if (size > Component.MAX_VALUE_LENGTH) {
            throw new MultiaddrException(MultiaddrError.TOO_LONG, "/" + protocol.protocolName()
                + " declares " + size + " value bytes, over " + Component.MAX_VALUE_LENGTH);
          }
        }
        if (size > input.length - pos) {
          throw new MultiaddrException(MultiaddrError.TRUNCATED, "/" + protocol.protocolName()
              + " needs " + size + " value bytes, " + (input.length - pos) + " left");
        }
        components.add(new Component(protocol, Arrays.copyOfRange(input, pos, pos + (int) size)));
        pos += (int) size;
      }
    } catch (VarintException e) {
      throw new MultiaddrException(
          MultiaddrError.TRUNCATED, "bad varint at byte " + pos + ": " + e.getMessage(), e);
    }
    return new Multiaddr(components);
  }

  /**
   * The multiaddr of a resolved TCP socket address ({@code /ip4/../tcp/..} or {@code /ip6/..}).
   *
   * @throws MultiaddrException if the address is unresolved
   */
  public static Multiaddr fromTcpSocketAddress(InetSocketAddress address) {
    InetAddress ip = address.getAddress();
    if (ip == null) {
      throw new MultiaddrException(
          MultiaddrError.INVALID_VALUE, "unresolved socket address " + address);
    }
    Protocol family = ip instanceof Inet4Address ? Protocol.IP4 : Protocol.IP6;
    return new Multiaddr(List.of(new Component(family, ip.getAddress()),
        Component.of(Protocol.TCP, Integer.toString(address.getPort()))));
  }

  /** The binary form (a copy). */
  public byte[] toBytes() {
    return bytes.clone();
  }

  /** The components, in order (immutable). */
  public List<Component> components() {
    return components;
  }

  /** The peer id of a trailing {@code /p2p} component, if the address ends with one. */
  public Optional<PeerId> peerId() {
    Component last = components.get(components.size() - 1);
    return last.protocol() == Protocol.P2P
        ? Optional.of(PeerId.fromBytes(last.value()))
        : Optional.empty();
  }

  /**
   * This address ending in {@code /p2p/<id>}: unchanged if it already ends with that id.
   *
   * @throws MultiaddrException ({@link MultiaddrError#PEER_ID_MISMATCH}) if it ends with another
   */
  public Multiaddr withPeerId(PeerId id) {
    Optional<PeerId> current = peerId();
    if (current.isPresent()) {
      if (current.get().equals(id)) {
        return this;
      }
      throw new MultiaddrException(MultiaddrError.PEER_ID_MISMATCH,
          this + " already names peer " + current.get() + ", not " + id);
    }
    return encapsulate(new Component(Protocol.P2P, id.toBytes()));
  }

  /**
   * This address without its trailing {@code /p2p} component, if any.
   *
   * @throws MultiaddrException if the address is only a {@code /p2p} component
   */
  public Multiaddr withoutPeerId() {
    return peerId().isPresent() ? new Multiaddr(components.subList(0, components.size() - 1)) : this;
  }

  /** This address followed by {@code component}. */
  public Multiaddr encapsulate(Component component) {
    List<Component> longer = new ArrayList<>(components);
    longer.add(component);
    return new Multiaddr(longer);
  }

  /**
   * The socket address of an {@code /ip4|ip6/<addr>/tcp/<port>} address, optionally followed by
   * {@code /p2p/<id>}. Never resolves names.
   *
   * @throws MultiaddrException ({@link MultiaddrError#NOT_TCP}) for any other shape
   */
  public InetSocketAddress toTcpSocketAddress() {
    List<Component> c = withoutPeerId().components();
    if (c.size() != 2 || (c.get(0).protocol() != Protocol.IP4 && c.get(0).protocol() != Protocol.IP6)
        || c.get(1).protocol() != Protocol.TCP) {
      throw new MultiaddrException(
          MultiaddrError.NOT_TCP, this + " is not an /ip4|ip6/<addr>/tcp/<port> address");
    }
    try {
      InetAddress ip = InetAddress.getByAddress(c.get(0).value());
      return new InetSocketAddress(ip, Integer.parseInt(c.get(1).valueText()));
    } catch (UnknownHostException e) {
      throw new MultiaddrException(MultiaddrError.INVALID_VALUE, "bad IP in " + this, e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Multiaddr other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** The canonical text form. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    components.forEach(out::append);
    return out.toString();
  }
}
