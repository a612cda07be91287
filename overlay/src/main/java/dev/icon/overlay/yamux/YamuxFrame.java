package dev.icon.overlay.yamux;

import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCounted;
import java.util.Objects;

/**
 * One Yamux frame: the 12-byte header (version is always {@link YamuxProtocol#VERSION}, so it is
 * not a field) and, for {@link YamuxFrameType#DATA}, the payload.
 *
 * <p>Ownership: a data frame owns one reference to {@code data}; whoever consumes the frame
 * (the encoder when written, the session handler when read) releases it. The frame is
 * {@link ReferenceCounted} by delegating to {@code data} (a frame without payload is a constant
 * with refCnt 1 whose release is a no-op), so Netty's pipeline releases unhandled frames.
 *
 * @param type the frame type
 * @param flags a bit set of {@link #SYN}, {@link #ACK}, {@link #FIN}, {@link #RST}; unknown bits
 *     are kept and ignored
 * @param streamId the stream id (unsigned 32-bit on the wire), 0 for the session
 * @param length the header's length field, unsigned 32-bit: payload length, window delta, ping
 *     opaque value or go-away code
 * @param data the payload of a data frame (readable bytes equal {@code length}), else null
 */
public record YamuxFrame(YamuxFrameType type, int flags, int streamId, long length, ByteBuf data)
    implements ReferenceCounted {

  /** Flag: opens a stream (or marks an outbound ping). */
  public static final int SYN = 0x1;
  /** Flag: acknowledges a stream (or marks a ping response). */
  public static final int ACK = 0x2;
  /** Flag: half-closes the sender's side of a stream. */
  public static final int FIN = 0x4;
  /** Flag: resets a stream. */
  public static final int RST = 0x8;

  private static final long MAX_U32 = 0xFFFF_FFFFL;

  /** Validates the invariants listed on the record. */
  public YamuxFrame {
    Objects.requireNonNull(type, "type");
    if (flags < 0 || flags > 0xFFFF) {
      throw new IllegalArgumentException("flags out of 16-bit range: " + flags);
    }
    if (length < 0 || length > MAX_U32) {
      throw new IllegalArgumentException("length out of 32-bit range: " + length);
    }
    if (type == YamuxFrameType.DATA) {
      Objects.requireNonNull(data, "data");
      if (data.readableBytes() != length) {
        throw new IllegalArgumentException("length " + length + " != payload " + data.readableBytes());
      }
    } else if (data != null) {
      throw new IllegalArgumentException(type + " frames carry no payload");
    }
  }

  /** A data frame taking ownership of {@code payload}. */
  public static YamuxFrame data(int streamId, int flags, ByteBuf payload) {
    return new YamuxFrame(YamuxFrameType.DATA, flags, streamId, payload.readableBytes(), payload);
  }

  /** A window update frame (also used, with delta 0, to carry SYN/ACK/FIN/RST alone). */
  public static YamuxFrame windowUpdate(int streamId, int flags, long delta) {
    return new YamuxFrame(YamuxFrameType.WINDOW_UPDATE, flags, streamId, delta, null);
  }

  /** A ping request ({@link #SYN}) or response ({@link #ACK}) on stream 0. */
  public static YamuxFrame ping(int flags, long opaque) {
    return new YamuxFrame(YamuxFrameType.PING, flags, 0, opaque, null);
  }

  /** A go-away frame carrying {@code code} on stream 0. */
  public static YamuxFrame goAway(int code) {
    return new YamuxFrame(YamuxFrameType.GO_AWAY, 0, 0, code, null);
  }

  /** True if every bit of {@code flag} is set. */
  public boolean hasFlag(int flag) {
    return (flags & flag) == flag;
  }

  @Override
  public int refCnt() {
    return data == null ? 1 : data.refCnt();
  }

  @Override
  public YamuxFrame retain() {
    if (data != null) {
      data.retain();
    }
    return this;
  }

  @Override
  public YamuxFrame retain(int increment) {
    if (data != null) {
      data.retain(increment);
    }
    return this;
  }

  @Override
  public YamuxFrame touch() {
    return touch(null);
  }

  @Override
  public YamuxFrame touch(Object hint) {
    if (data != null) {
      data.touch(hint);
    }
    return this;
  }

  @Override
  public boolean release() {
    return data != null && data.release();
  }

  @Override
  public boolean release(int decrement) {
    return data != null && data.release(decrement);
  }

  @Override
  public String toString() {
    return "YamuxFrame[" + type + " flags=0x" + Integer.toHexString(flags) + " stream="
        + Integer.toUnsignedString(streamId) + " length=" + length + "]";
  }
}
