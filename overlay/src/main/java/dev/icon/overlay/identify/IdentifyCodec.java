package dev.icon.overlay.identify;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.icon.overlay.varint.Uvarint;
import dev.icon.proto.libp2p.identify.Identify;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufInputStream;
import java.io.IOException;

/**
 * Stateless framing of Identify messages: {@code uvarint(len) || protobuf}. Thread-safe. Never
 * retains or releases the buffers it is given; {@link #encode} returns a buffer the caller owns.
 */
public final class IdentifyCodec {

  private IdentifyCodec() {}

  /** Frames {@code message} into a new buffer. */
  public static ByteBuf encode(ByteBufAllocator alloc, Identify message) {
    byte[] bytes = message.toByteArray();
    ByteBuf out = alloc.buffer(bytes.length + 5);
    Uvarint.write(out, bytes.length);
    return out.writeBytes(bytes);
  }

  /**
   * Decodes one message from {@code in}, consuming it; null (nothing consumed) when incomplete.
   *
   * @throws IdentifyException MESSAGE_TOO_LARGE or MALFORMED
   */
  public static Identify decode(ByteBuf in, int maxSize) {
    int start = in.readerIndex();
    long length = 0;
    int i = 0;
    while (true) {
      if (i == in.readableBytes()) {
        return null;
      }
      if (i == 5) {
        throw new IdentifyException(IdentifyError.MALFORMED, "length prefix too long");
      }
      int b = in.getUnsignedByte(start + i);
      length |= (long) (b & 0x7f) << (7 * i);
      i++;
      if (length > maxSize) {
        throw new IdentifyException(IdentifyError.MESSAGE_TOO_LARGE, "message over " + maxSize + " bytes");
      }
      if ((b & 0x80) == 0) {
        break;
      }
    }
    if (in.readableBytes() - i < length) {
      return null;
    }
    try (ByteBufInputStream body = new ByteBufInputStream(in.retainedSlice(start + i, (int) length), true)) {
      Identify message = Identify.parseFrom(body);
      in.readerIndex(start + i + (int) length);
      return message;
    } catch (InvalidProtocolBufferException e) {
      throw new IdentifyException(IdentifyError.MALFORMED, "bad protobuf: " + e.getMessage());
    } catch (IOException e) {
      throw new IdentifyException(IdentifyError.MALFORMED, e.getMessage());
    }
  }
}
