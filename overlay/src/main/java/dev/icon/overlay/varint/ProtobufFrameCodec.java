package dev.icon.overlay.varint;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frames protobuf messages on a stream as libp2p protocols do (pubsub, kad-dht): each message is
 * preceded by its length as an unsigned varint. Inbound it emits one parsed message per frame;
 * outbound it encodes messages of its type (others, such as frames built beforehand with
 * {@link #frame}, pass through untouched).
 *
 * <p>Limits: a length prefix above {@code maxSize} is rejected as soon as the prefix has arrived,
 * before any of the body is buffered, so a peer cannot make us buffer more than {@code maxSize}
 * plus a varint. Outbound messages above the limit fail their write.
 *
 * <p>Errors: an oversized length, a malformed varint or an unparsable body is a stream error. The
 * decoder logs the reason at debug level (remote input must not flood our logs), discards
 * everything buffered and arriving later, fires the subclass's exception down the pipeline and
 * closes the channel (the stream).
 *
 * <p>Threading and ownership: one instance per channel (not sharable), used on its event loop. The
 * decoder releases the inbound buffers it consumes; emitted messages are heap objects.
 *
 * @param <M> the message type
 */
public abstract class ProtobufFrameCodec<M extends MessageLite> extends ByteToMessageCodec<M> {

  /** What went wrong with a frame; each subclass maps it to its own error type. */
  public enum Failure {
    /** The length prefix is not a valid uvarint. */
    MALFORMED_LENGTH,
    /** The length (inbound) or the message (outbound) exceeds the limit. */
    OVERSIZED,
    /** The body does not parse as the message type. */
    MALFORMED_BODY
  }

  private static final Logger LOG = LoggerFactory.getLogger(ProtobufFrameCodec.class);

  private final int maxSize;
  private final String what;
  private boolean failed;

  /**
   * A codec for {@code type} accepting and sending bodies of at most {@code maxSize} bytes.
   *
   * @param what the message's name in error messages, e.g. "RPC"
   */
  protected ProtobufFrameCodec(Class<M> type, int maxSize, String what) {
    super(type);
    this.maxSize = maxSize;
    this.what = what;
  }

  /**
   * {@code value}, checked for subclass constructors (before {@code super}).
   *
   * @throws IllegalArgumentException naming {@code name} if {@code value} is not positive
   */
  protected static int positive(int value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
    return value;
  }

  /** The largest body, in bytes, this codec accepts or sends. */
  protected final int maxSize() {
    return maxSize;
  }

  /** Parses one body. */
  protected abstract M parse(ByteBuffer body) throws InvalidProtocolBufferException;

  /** The exception to fire (inbound) or throw (outbound) for {@code failure}. */
  protected abstract RuntimeException error(Failure failure, String message, Throwable cause);

  /**
   * Encodes one length-prefixed message of {@code size} serialized bytes into a new buffer owned
   * by the caller. Callers check the size against their limit first.
   */
  protected static ByteBuf frame(MessageLite message, int size, ByteBufAllocator alloc) {
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
  protected final void encode(ChannelHandlerContext ctx, M message, ByteBuf out) {
    int size = message.getSerializedSize();
    if (size > maxSize) {
      throw error(Failure.OVERSIZED, "outbound " + what + " of " + size
          + " bytes exceeds the limit of " + maxSize, null);
    }
    writeFrame(message, size, out);
  }

  @Override
  protected final void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (failed) {
      in.skipBytes(in.readableBytes());
      return;
    }
    int start = in.readerIndex();
    long length;
    try {
      length = Uvarint.tryDecode(in, Long.MAX_VALUE);
    } catch (VarintException e) {
      fail(ctx, in, error(Failure.MALFORMED_LENGTH,
          "bad " + what + " length prefix: " + e.getMessage(), e));
      return;
    }
    if (length == Uvarint.INCOMPLETE) {
      return;
    }
    if (length > maxSize) {
      fail(ctx, in, error(Failure.OVERSIZED,
          what + " of " + length + " bytes exceeds the limit of " + maxSize, null));
      return;
    }
    int size = (int) length;
    if (in.readableBytes() < size) {
      in.readerIndex(start);
      return;
    }
    M message;
    try {
      message = parse(in.nioBuffer(in.readerIndex(), size));
    } catch (InvalidProtocolBufferException e) {
      fail(ctx, in, error(Failure.MALFORMED_BODY,
          "unparsable " + what + " protobuf: " + e.getMessage(), e));
      return;
    }
    in.skipBytes(size);
    out.add(message);
  }

  private void fail(ChannelHandlerContext ctx, ByteBuf in, RuntimeException error) {
    failed = true;
    in.skipBytes(in.readableBytes());
    LOG.debug("closing {} stream {}: {}", what, ctx.channel(), error.getMessage());
    ctx.fireExceptionCaught(error);
    ctx.close();
  }

  private static void writeFrame(MessageLite message, int size, ByteBuf out) {
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
      throw new UncheckedIOException("serialisation into a sized buffer failed", e);
    }
  }
}
