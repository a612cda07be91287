package dev.icon.gossip.wire;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A gossipsub message id: opaque bytes, compared by value, as carried in IHAVE, IWANT and IDONTWANT
 * and used as the key of the seen cache and message cache. Immutable and thread-safe.
 */
public final class MessageId implements Comparable<MessageId> {

  private final byte[] bytes;
  private final int hash;

  private MessageId(byte[] bytes) {
    this.bytes = bytes;
    this.hash = Arrays.hashCode(bytes);
  }

  /** An id holding a copy of {@code bytes}. */
  public static MessageId of(byte[] bytes) {
    return new MessageId(bytes.clone());
  }

  /** A copy of the id bytes. */
  public byte[] toBytes() {
    return bytes.clone();
  }

  /** Length of the id in bytes. */
  public int length() {
    return bytes.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MessageId other && hash == other.hash && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public int compareTo(MessageId other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  /** Lower-case hex of the id bytes. */
  @Override
  public String toString() {
    return HexFormat.of().formatHex(bytes);
  }
}
