package dev.icon.overlay.noise;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * The noise-libp2p wire framing: every Noise message is preceded by its length as a 16-bit
 * big-endian unsigned integer (so at most 65535 bytes).
 *
 * <p>Inbound, this decoder turns the byte stream into one {@link ByteBuf} per Noise message
 * (retained slices the next handler must release). Outbound, the handlers write whole frames built
 * with {@link #frame} or {@link #writeHeader}, so each transport frame is a single allocation.
 * Holds no session state beyond the partial-frame cumulation; one instance per channel (it is not
 * sharable).
 */
public final class NoiseFrameCodec extends ByteToMessageDecoder {

  /** Creates a decoder for one channel. */
  public NoiseFrameCodec() {
    // Frames (up to 64 KiB) usually span socket reads. Merging would copy every byte into a
    // growing cumulation; a composite keeps the reads as they are, and the decryptor copies each
    // frame once into its scratch array anyway.
    setCumulator(COMPOSITE_CUMULATOR);
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    while (in.readableBytes() >= NoiseProtocol.LENGTH_PREFIX) {
      int length = in.getUnsignedShort(in.readerIndex());
      if (in.readableBytes() < NoiseProtocol.LENGTH_PREFIX + length) {
        return;
      }
      in.skipBytes(NoiseProtocol.LENGTH_PREFIX);
      out.add(in.readRetainedSlice(length));
    }
  }

  /**
   * A new buffer holding {@code message} framed with its length; the caller owns it.
   *
   * @throws NoiseException FRAME_TOO_LARGE when the message exceeds 65535 bytes
   */
  public static ByteBuf frame(ByteBufAllocator alloc, byte[] message) {
    checkLength(message.length);
    ByteBuf buf = alloc.buffer(NoiseProtocol.LENGTH_PREFIX + message.length);
    buf.writeShort(message.length);
    buf.writeBytes(message);
    return buf;
  }

  /**
   * Writes the 2-byte length header of a message of {@code length} bytes into {@code out}.
   *
   * @throws NoiseException FRAME_TOO_LARGE when {@code length} exceeds 65535
   */
  public static void writeHeader(ByteBuf out, int length) {
    checkLength(length);
    out.writeShort(length);
  }

  private static void checkLength(int length) {
    if (length > NoiseProtocol.MAX_MESSAGE_LENGTH) {
      throw new NoiseException(NoiseError.FRAME_TOO_LARGE, "Noise message of " + length + " bytes");
    }
  }
}
