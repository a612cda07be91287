package dev.icon.overlay.yamux;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.CombinedChannelDuplexHandler;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Bytes to {@link YamuxFrame}s and back: the 12-byte big-endian header, then the payload of data
 * frames. Holds no session state (only the decoder's cumulation and a "failed" latch); one
 * instance per connection, on the connection's event loop.
 *
 * <p>Decoding rejects a version other than 0, an unknown type, and a data frame longer than
 * {@code maxDataLength} with a {@link YamuxException} (a connection error) fired through
 * {@code exceptionCaught}; after that the decoder discards all further input, so the session
 * handler can send a go-away and close. Decoded data frames hold a retained slice of the input.
 *
 * <p>Encoding writes header and payload as one composite buffer without copying; the frame's
 * payload reference is transferred to the written buffer.
 */
public final class YamuxCodec
    extends CombinedChannelDuplexHandler<YamuxCodec.Decoder, YamuxCodec.Encoder> {

  /** Creates a codec accepting data frames of at most {@code maxDataLength} payload bytes. */
  public YamuxCodec(int maxDataLength) {
    super(new Decoder(maxDataLength), new Encoder());
  }

  /** Writes the 12-byte header of {@code frame} into {@code out}. */
  static void writeHeader(YamuxFrame frame, ByteBuf out) {
    out.writeByte(YamuxProtocol.VERSION);
    out.writeByte(frame.type().code());
    out.writeShort(frame.flags());
    out.writeInt(frame.streamId());
    out.writeInt((int) frame.length());
  }

  /** The inbound half: bytes to frames. */
  public static final class Decoder extends ByteToMessageDecoder {
    private final int maxDataLength;
    private boolean failed;

    Decoder(int maxDataLength) {
      if (maxDataLength <= 0) {
        throw new IllegalArgumentException("maxDataLength must be positive: " + maxDataLength);
      }
      this.maxDataLength = maxDataLength;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
      if (failed) {
        in.skipBytes(in.readableBytes());
        return;
      }
      try {
        while (in.readableBytes() >= YamuxProtocol.HEADER_LENGTH) {
          YamuxFrame frame = decodeOne(in);
          if (frame == null) {
            return;
          }
          out.add(frame);
        }
      } catch (YamuxException e) {
        failed = true;
        in.skipBytes(in.readableBytes());
        ctx.fireExceptionCaught(e);
      }
    }

    private YamuxFrame decodeOne(ByteBuf in) {
      int start = in.readerIndex();
      int version = in.getUnsignedByte(start);
      if (version != YamuxProtocol.VERSION) {
        throw new YamuxException(YamuxError.MALFORMED_FRAME, "unsupported version " + version);
      }
      YamuxFrameType type = YamuxFrameType.fromCode(in.getUnsignedByte(start + 1));
      int flags = in.getUnsignedShort(start + 2);
      int streamId = in.getInt(start + 4);
      long length = in.getUnsignedInt(start + 8);
      if (type != YamuxFrameType.DATA) {
        in.skipBytes(YamuxProtocol.HEADER_LENGTH);
        return new YamuxFrame(type, flags, streamId, length, null);
      }
      if (length > maxDataLength) {
        throw new YamuxException(YamuxError.FRAME_TOO_LARGE,
            "data frame of " + length + " bytes exceeds " + maxDataLength + " on stream "
                + Integer.toUnsignedString(streamId));
      }
      if (in.readableBytes() < YamuxProtocol.HEADER_LENGTH + length) {
        return null;
      }
      in.skipBytes(YamuxProtocol.HEADER_LENGTH);
      return YamuxFrame.data(streamId, flags, in.readRetainedSlice((int) length));
    }
  }

  /** The outbound half: frames to bytes; passes other messages through untouched. */
  public static final class Encoder extends ChannelOutboundHandlerAdapter {
    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
      if (!(msg instanceof YamuxFrame frame)) {
        ctx.write(msg, promise);
        return;
      }
      ByteBuf header;
      try {
        header = ctx.alloc().buffer(YamuxProtocol.HEADER_LENGTH);
      } catch (Throwable t) {
        frame.release();
        promise.tryFailure(t);
        return;
      }
      writeHeader(frame, header);
      if (frame.data() == null || frame.length() == 0) {
        frame.release();
        ctx.write(header, promise);
      } else {
        ctx.write(Unpooled.wrappedBuffer(header, frame.data()), promise);
      }
    }
  }
}
