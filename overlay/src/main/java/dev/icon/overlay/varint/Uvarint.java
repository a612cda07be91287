package dev.icon.overlay.varint;

import io.netty.buffer.ByteBuf;

/**
 * Unsigned LEB128 varints (multiformats unsigned-varint): 7 bits per byte, least significant group
 * first, high bit set on every byte but the last. Values are limited to 63 bits (at most {@value
 * #MAX_BYTES} bytes) and must be minimally encoded, as go-varint and rust unsigned-varint require.
 *
 * <p>Stateless and thread-safe. Methods taking a {@link ByteBuf} never retain or release it; they
 * only move its reader or writer index.
 */
public final class Uvarint {

  /** Longest encoding accepted: 9 bytes carry 63 bits. */
  public static final int MAX_BYTES = 9;

  /** Returned by {@link #tryDecode} when the buffer does not yet hold a whole varint. */
  public static final long INCOMPLETE = -1;

  private Uvarint() {}

  /** Number of bytes {@code value} takes when encoded. */
  public static int encodedLength(long value) {
    checkEncodable(value);
    int n = 1;
    while ((value >>>= 7) != 0) {
      n++;
    }
    return n;
  }

  /** Encodes a non-negative value. */
  public static byte[] encode(long value) {
    byte[] out = new byte[encodedLength(value)];
    int i = 0;
    while ((value & ~0x7FL) != 0) {
      out[i++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    out[i] = (byte) value;
    return out;
  }

  /** Writes a non-negative value at {@code out}'s writer index. */
  public static void write(ByteBuf out, long value) {
    checkEncodable(value);
    while ((value & ~0x7FL) != 0) {
      out.writeByte((int) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    out.writeByte((int) value);
  }

  /**
   * Decodes the varint starting at {@code offset} in {@code in}.
   *
   * @throws VarintException if it is truncated, longer than {@value #MAX_BYTES} bytes or not minimal
   */
  public static Decoded decode(byte[] in, int offset) {
    long value = 0;
    for (int i = 0; i < MAX_BYTES; i++) {
      if (offset + i >= in.length) {
        throw new VarintException("truncated varint: input ends after " + i + " byte(s)");
      }
      int b = in[offset + i] & 0xFF;
      value |= (long) (b & 0x7F) << (7 * i);
      if ((b & 0x80) == 0) {
        checkMinimal(b, i);
        return new Decoded(value, i + 1);
      }
    }
    throw new VarintException("varint longer than " + MAX_BYTES + " bytes");
  }

  /**
   * Reads a whole varint at {@code in}'s reader index, advancing it.
   *
   * @throws VarintException if the buffer ends before the varint does, or it is malformed
   */
  public static long read(ByteBuf in) {
    long value = tryDecode(in, Long.MAX_VALUE);
    if (value == INCOMPLETE) {
      throw new VarintException("truncated varint: " + in.readableBytes() + " byte(s) left");
    }
    return value;
  }

  /**
   * For frame decoders: reads a varint if the buffer holds all of it and advances the reader index;
   * otherwise leaves the index alone and returns {@link #INCOMPLETE}.
   *
   * @param maxValue largest value accepted, e.g. a frame length limit
   * @throws VarintException if the varint is malformed or its value exceeds {@code maxValue}
   */
  public static long tryDecode(ByteBuf in, long maxValue) {
    int start = in.readerIndex();
    int available = in.readableBytes();
    long value = 0;
    for (int i = 0; i < MAX_BYTES; i++) {
      if (i >= available) {
        return INCOMPLETE;
      }
      int b = in.getUnsignedByte(start + i);
      value |= (long) (b & 0x7F) << (7 * i);
      if ((b & 0x80) == 0) {
        checkMinimal(b, i);
        if (value > maxValue) {
          throw new VarintException("varint value " + value + " exceeds limit " + maxValue);
        }
        in.readerIndex(start + i + 1);
        return value;
      }
    }
    throw new VarintException("varint longer than " + MAX_BYTES + " bytes");
  }

  private static void checkMinimal(int lastByte, int index) {
    if (lastByte == 0 && index > 0) {
      throw new VarintException("varint not minimally encoded (trailing zero byte)");
    }
  }

  private static void checkEncodable(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("uvarint value must be non-negative: " + value);
    }
  }

  /**
   * A decoded varint.
   *
   * @param value the value, non-negative
   * @param length how many bytes it took
   */
  public record Decoded(long value, int length) {}
}
