package dev.icon.overlay.kad;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.icon.overlay.varint.Uvarint;
import dev.icon.overlay.varint.VarintException;
import dev.icon.proto.libp2p.kad.Message;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frames kad-dht {@link Message} protobufs on an {@code /ipfs/kad/1.0.0} stream as the spec and
 * go/js-libp2p do: each message is preceded by its length as an unsigned varint. Inbound it emits
 * one parsed {@link Message} per frame; outbound it encodes {@link Message}s.
 *
 * <p>Limits: a length prefix above {@code maxMessageSize} is rejected as soon as the prefix has
 * arrived, before any of the body is buffered. Outbound messages above the limit fail their write
 * with a {@link KadException} ({@link KadError#OVERSIZED_MESSAGE}) wrapped in an {@code
 * EncoderException}.
 *
 * <p>Errors: an oversized length, a malformed varint or an unparsable protobuf is a stream error.
 * The decoder logs the reason at debug level, discards everything buffered and arriving later,
 * fires a {@link KadException} ({@link KadError#MALFORMED_LENGTH}, {@link
 * KadError#OVERSIZED_MESSAGE} or {@link KadError#MALFORMED_MESSAGE}) down the pipeline and closes
 * the channel (the stream).
 *
 * <p>Threading and ownership: one instance per channel (not sharable), used on its event loop. The
 * decoder releases the inbound buffers it consumes; emitted {@link Message}s are heap objects that
 * copy their bytes.
 */
public final class KadCodec extends ByteToMessageCodec<Message> {

  private static final Logger LOG = LoggerFactory.getLogger(KadCodec.class);

  /** Decoder state: reading frames, or failed and discarding input until the channel closes. */
  private enum State {
    READING,
    FAILED
  }

  private final int maxMessageSize;
  private State state = State.READING;

  /**
   * A codec accepting and sending messages of at most {@code maxMessageSize} bytes (excluding the
   * prefix), e.g. {@link KadConfig#maxMessageSize()}.
   *
   * @throws IllegalArgumentException if {@code maxMessageSize} is not positive
   */
  public KadCodec(int maxMessageSize) {
    super(Message.class);
    if (maxMessageSize <= 0) {
      throw new IllegalArgumentException("maxMessageSize must be positive: " + maxMessageSize);
    }
    this.maxMessageSize = maxMessageSize;
  }

  /** The largest message body, in bytes, this codec accepts or sends. */
  public int maxMessageSize() {
    return maxMessageSize;
  }

  /**
   * Encodes one length-prefixed message into a new buffer owned by the caller.
   *
   * @throws KadException ({@link KadError#OVERSIZED_MESSAGE}) if it exceeds {@code maxMessageSize}
   */
  public static ByteBuf frame(Message message, ByteBufAllocator alloc, int maxMessageSize) {
    int size = checkedSize(message, maxMessageSize);
    ByteBuf out = alloc.ioBuffer(Uvarint.encodedLength(size) + size);
    try {
      writeFrame(message, size, out);
      return out;
    } catch (RuntimeException e) {
      out.release();
      throw e;
    }
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, Message message, ByteBuf out) {
    writeFrame(message, checkedSize(message, maxMessageSize), out);
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (state == State.FAILED) {
      in.skipBytes(in.readableBytes());
      return;
    }
    int start = in.readerIndex();
    long length;
    try {
      length = Uvarint.tryDecode(in, Long.MAX_VALUE);
    } catch (VarintException e) {
      fail(ctx, in, new KadException(
          KadError.MALFORMED_LENGTH, "bad message length prefix: " + e.getMessage(), e));
      return;
    }
    if (length == Uvarint.INCOMPLETE) {
      return;
    }
    if (length > maxMessageSize) {
      fail(ctx, in, new KadException(KadError.OVERSIZED_MESSAGE,
          "message of " + length + " bytes exceeds the limit of " + maxMessageSize));
      return;
    }
    int size = (int) length;
    if (in.readableBytes() < size) {
      in.readerIndex(start);
      return;
    }
    Message message;
    try {
      message = Message.parseFrom(in.nioBuffer(in.readerIndex(), size));
    } catch (InvalidProtocolBufferException e) {
      fail(ctx, in, new KadException(
          KadError.MALFORMED_MESSAGE, "unparsable kad Message protobuf: " + e.getMessage(), e));
      return;
    }
    in.skipBytes(size);
    out.add(message);
  }

  private void fail(ChannelHandlerContext ctx, ByteBuf in, KadException error) {
    state = State.FAILED;
    in.skipBytes(in.readableBytes());
    // Debug, not warn: the cause is remote input, and a peer must not be able to flood our logs.
    LOG.debug("closing kad stream {}: {}", ctx.channel(), error.getMessage());
    ctx.fireExceptionCaught(error);
    ctx.close();
  }

  private static int checkedSize(Message message, int maxMessageSize) {
    int size = message.getSerializedSize();
    if (size > maxMessageSize) {
      throw new KadException(KadError.OVERSIZED_MESSAGE,
          "outbound message of " + size + " bytes exceeds the limit of " + maxMessageSize);
    }
    return size;
  }

  private static void writeFrame(Message message, int size, ByteBuf out) {
    Uvarint.write(out, size);
    out.ensureWritable(size);
    int index = out.writerIndex();
    try {
      if (out.nioBufferCount() == 1) {
        CodedOutputStream coded = CodedOutputStream.newInstance(out.nioBuffer(index, size));
        message.writeTo(coded);
        coded.checkNoSpaceLeft();
        out.writerIndex(index + size);
      } else {
        out.writeBytes(message.toByteArray());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("message serialisation into a sized buffer failed", e);
    }
  }
}
