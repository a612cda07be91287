package dev.icon.overlay.multiaddr;

import java.util.Arrays;

/**
 * One protocol and its value, e.g. {@code /tcp/4001}. Immutable; the value is validated on
 * construction and copied in and out.
 *
 * @param protocol the protocol
 * @param value the binary value (empty for protocols without one)
 */
public record Component(Protocol protocol, byte[] value) {

  /** Largest variable-length value accepted (DNS names are at most 253 bytes). */
  public static final int MAX_VALUE_LENGTH = 1024;

  /**
   * Validates and copies the value.
   *
   * @throws MultiaddrException if the value is invalid for the protocol
   */
  public Component {
    if (value.length > MAX_VALUE_LENGTH) {
      throw new MultiaddrException(MultiaddrError.TOO_LONG, "/" + protocol.protocolName()
          + " value of " + value.length + " bytes exceeds " + MAX_VALUE_LENGTH);
    }
    value = value.clone();
    ValueCodec.validate(protocol, value);
  }

  /**
   * A component from its text value, e.g. {@code of(Protocol.TCP, "4001")}.
   *
   * @throws MultiaddrException if the text is invalid for the protocol
   */
  public static Component of(Protocol protocol, String text) {
    boolean hasText = protocol.hasValue() || !text.isEmpty();
    return new Component(protocol, hasText ? ValueCodec.toBytes(protocol, text) : new byte[0]);
  }

  /** The binary value (a copy). */
  @Override
  public byte[] value() {
    return value.clone();
  }

  /** The value's text form (empty for protocols without one); p2p values print as base58. */
  public String valueText() {
    return ValueCodec.toText(protocol, value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Component other && protocol == other.protocol
        && Arrays.equals(value, other.value);
  }

  @Override
  public int hashCode() {
    return protocol.hashCode() * 31 + Arrays.hashCode(value);
  }

  /** The text form, e.g. {@code /tcp/4001} or {@code /p2p-circuit}. */
  @Override
  public String toString() {
    return "/" + protocol.protocolName() + (protocol.hasValue() ? "/" + valueText() : "");
  }
}
