package dev.icon.gossip.api;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A gossipsub message id: an opaque byte string computed by the message-id function (spec default
 * {@code from || seqno}). Immutable and thread-safe; equality and hash are on the content, so ids
 * computed independently for the same message compare equal and can key hash maps.
 */
public final class MessageId implements Comparable<MessageId> {

  private final byte[] bytes;
  private final int hash;

  private MessageId(byte[] bytes) {
    this.bytes = bytes;
    this.hash = Arrays.hashCode(bytes);
  }

  /** Wraps a copy of {@code bytes}; the caller keeps ownership of its array. */
  public static MessageId of(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    return new MessageId(bytes.clone());
  }

  /** Parses the hex form produced by {@link #toString()} (case-insensitive). */
  public static MessageId fromHex(String hex) {
    Objects.requireNonNull(hex, "hex");
    return new MessageId(HexFormat.of().parseHex(hex));
  }

  /** A fresh copy of the id's bytes (the id stays immutable). */
  public byte[] toBytes() {
    return bytes.clone();
  }

  /** Number of bytes in the id. */
  public int length() {
    return bytes.length;
  }

  @Override
  public boolean equals(Object o) {
    return this == o || (o instanceof MessageId other && hash == other.hash && Arrays.equals(bytes, other.bytes));
  }

  @Override
  public int hashCode() {
    return hash;
  }

  /** Unsigned lexicographic order on the bytes (stable iteration in tests and logs). */
  @Override
  public int compareTo(MessageId other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  /** Lower-case hex of the bytes. */
  @Override
  public String toString() {
    return HexFormat.of().formatHex(bytes);
  }
}
