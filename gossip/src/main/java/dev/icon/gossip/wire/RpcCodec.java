package dev.icon.gossip.wire;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.icon.overlay.varint.ProtobufFrameCodec;
import dev.icon.proto.libp2p.pubsub.RPC;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.ByteBuffer;

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
public final class RpcCodec extends ProtobufFrameCodec<RPC> {

  /**
   * Default largest RPC: 1 MiB, go-libp2p-pubsub's default and the pubsub spec's suggestion
   * (js-libp2p accepts up to 4 MiB inbound, so a js peer may need a larger limit configured).
   */
  public static final int DEFAULT_MAX_RPC_SIZE = 1 << 20;

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
    super(RPC.class, positive(maxRpcSize, "maxRpcSize"), "RPC");
  }

  /** The largest RPC body, in bytes, this codec accepts or sends. */
  public int maxRpcSize() {
    return maxSize();
  }

  /**
   * Encodes one length-prefixed RPC into a new buffer, e.g. to send the same bytes to many peers
   * (write a {@code retainedDuplicate()} per peer). The caller owns the returned buffer.
   *
   * @throws GossipWireException ({@link GossipWireError#OVERSIZED_RPC}) if the RPC exceeds {@code
   *     maxRpcSize}
   */
  public static ByteBuf frame(RPC rpc, ByteBufAllocator alloc, int maxRpcSize) {
    int size = rpc.getSerializedSize();
    if (size > maxRpcSize) {
      throw new GossipWireException(GossipWireError.OVERSIZED_RPC,
          "outbound RPC of " + size + " bytes exceeds the limit of " + maxRpcSize);
    }
    return frame(rpc, size, alloc);
  }

  @Override
  protected RPC parse(ByteBuffer body) throws InvalidProtocolBufferException {
    return RPC.parseFrom(body);
  }

  @Override
  protected RuntimeException error(Failure failure, String message, Throwable cause) {
    GossipWireError kind = switch (failure) {
      case MALFORMED_LENGTH -> GossipWireError.MALFORMED_LENGTH;
      case OVERSIZED -> GossipWireError.OVERSIZED_RPC;
      case MALFORMED_BODY -> GossipWireError.MALFORMED_RPC;
    };
    return new GossipWireException(kind, message, cause);
  }
}
