package dev.icon.gossip.wire;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.icon.overlay.varint.Uvarint;
import dev.icon.overlay.varint.VarintException;
import dev.icon.proto.libp2p.pubsub.RPC;
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
 * Frames pubsub {@link RPC} protobufs on a stream the way go-libp2p-pubsub and js-libp2p do: each
 * RPC is preceded by its length as an unsigned varint. Inbound it emits one parsed {@link RPC} per
 * frame; outbound it encodes {@link RPC} objects (other messages, such as frames built beforehand
 * with {@link #frame}, pass through untouched).
 *
 * <p>Limits: a length prefix above {@code maxRpcSize} is rejected as soon as the prefix has
 * arrived, before any of the body is buffered, so a peer cannot make us buffer more than {@code
 * maxRpcSize} plus a varint. Outbound RPCs above the limit fail their write promise with a {@link
 * GossipWireException} ({@link GossipWireError#OVERSIZED_RPC}) wrapped in an {@code
 * EncoderException}: a peer using the same limit would reject them anyway.
 *
 * <p>Errors: an oversized length, a malformed varint or an unparsable protobuf is a stream error.
 * The decoder logs the reason (at debug level), discards everything buffered and later arriving,
 * fires a {@link GossipWireException} down the pipeline and closes the channel (the pubsub stream).
 *
 * <p>Threading and ownership: one instance per channel (not sharable), used on its event loop. The
 * decoder releases the inbound buffers it consumes; emitted {@link RPC}s are heap objects that copy
 * their bytes, so they outlive the buffers.
 */
public final class RpcCodec extends ByteToMessageCodec<RPC> {

  /**
   * Default largest RPC: 1 MiB, go-libp2p-pubsub's default and the pubsub spec's suggestion
   * (js-libp2p accepts up to 4 MiB inbound, so a js peer may need a larger limit configured).
   */
  public static final int DEFAULT_MAX_RPC_SIZE = 1 << 20;

  private static final Logger LOG = LoggerFactory.getLogger(RpcCodec.class);

  /** Decoder state: reading frames, or failed and discarding input until the channel closes. */
  private enum State {
    READING,
    FAILED
  }

  private final int maxRpcSize;
  private State state = State.READING;

  /** A codec with {@link #DEFAULT_MAX_RPC_SIZE}. */
  public RpcCodec() {
    this(DEFAULT_MAX_RPC_SIZE);
  }

  /**
   * A codec accepting and sending RPCs of at most {@code maxRpcSize} bytes (excluding the prefix).
   *
   * @throws IllegalArgumentException if {@code maxRpcSize} is not positive
   */
  public RpcCodec(int maxRpcSize) {
    if (maxRpcSize <= 0) {
      throw new IllegalArgumentException("maxRpcSize must be positive: " + maxRpcSize);
    }
    this.maxRpcSize = maxRpcSize;
  }

  /** The largest RPC body, in bytes, this codec accepts or sends. */
  public int maxRpcSize() {
    return maxRpcSize;
  }

  /**
   * Encodes one length-prefixed RPC into a new buffer, e.g. to send the same bytes to many peers
   * (write a {@code retainedDuplicate()} per peer). The caller owns the returned buffer.
   *
   * @throws GossipWireException ({@link GossipWireError#OVERSIZED_RPC}) if the RPC exceeds {@code
   *     maxRpcSize}
   */
  public static ByteBuf frame(RPC rpc, ByteBufAllocator alloc, int maxRpcSize) {
    int size = checkedSize(rpc, maxRpcSize);
    ByteBuf out = alloc.ioBuffer(Uvarint.encodedLength(size) + size);
    try {
      writeFrame(rpc, size, out);
      return out;
    } catch (RuntimeException e) {
      out.release();
      throw e;
    }
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, RPC rpc, ByteBuf out) {
    writeFrame(rpc, checkedSize(rpc, maxRpcSize), out);
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
      fail(ctx, in, new GossipWireException(
          GossipWireError.MALFORMED_LENGTH, "bad RPC length prefix: " + e.getMessage(), e));
      return;
    }
    if (length == Uvarint.INCOMPLETE) {
      return;
    }
    if (length > maxRpcSize) {
      fail(ctx, in, new GossipWireException(GossipWireError.OVERSIZED_RPC,
          "RPC of " + length + " bytes exceeds the limit of " + maxRpcSize));
      return;
    }
    int size = (int) length;
    if (in.readableBytes() < size) {
      in.readerIndex(start);
      return;
    }
    RPC rpc;
    try {
      rpc = RPC.parseFrom(in.nioBuffer(in.readerIndex(), size));
    } catch (InvalidProtocolBufferException e) {
      fail(ctx, in, new GossipWireException(
          GossipWireError.MALFORMED_RPC, "unparsable RPC protobuf: " + e.getMessage(), e));
      return;
    }
    in.skipBytes(size);
    out.add(rpc);
  }

  private void fail(ChannelHandlerContext ctx, ByteBuf in, GossipWireException error) {
    state = State.FAILED;
    in.skipBytes(in.readableBytes());
    // Debug, not warn: the cause is remote input, and a peer must not be able to flood our logs.
    LOG.debug("closing pubsub stream {}: {}", ctx.channel(), error.getMessage());
    ctx.fireExceptionCaught(error);
    ctx.close();
  }

  private static int checkedSize(RPC rpc, int maxRpcSize) {
    int size = rpc.getSerializedSize();
    if (size > maxRpcSize) {
      throw new GossipWireException(GossipWireError.OVERSIZED_RPC,
          "outbound RPC of " + size + " bytes exceeds the limit of " + maxRpcSize);
    }
    return size;
  }

  private static void writeFrame(RPC rpc, int size, ByteBuf out) {
    Uvarint.write(out, size);
    out.ensureWritable(size);
    int index = out.writerIndex();
    try {
      if (out.nioBufferCount() == 1) {
        CodedOutputStream coded = CodedOutputStream.newInstance(out.nioBuffer(index, size));
        rpc.writeTo(coded);
        coded.checkNoSpaceLeft();
        out.writerIndex(index + size);
      } else {
        out.writeBytes(rpc.toByteArray());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("RPC serialisation into a sized buffer failed", e);
    }
  }
}
