package dev.icon.overlay.kad;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.icon.overlay.varint.ProtobufFrameCodec;
import dev.icon.proto.libp2p.kad.Message;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.ByteBuffer;

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
public final class KadCodec extends ProtobufFrameCodec<Message> {

  /**
   * A codec accepting and sending messages of at most {@code maxMessageSize} bytes (excluding the
   * prefix), e.g. {@link KadConfig#maxMessageSize()}.
   *
   * @throws IllegalArgumentException if {@code maxMessageSize} is not positive
   */
  public KadCodec(int maxMessageSize) {
    super(Message.class, positive(maxMessageSize, "maxMessageSize"), "kad message");
  }

  /** The largest message body, in bytes, this codec accepts or sends. */
  public int maxMessageSize() {
    return maxSize();
  }

  /**
   * Encodes one length-prefixed message into a new buffer owned by the caller.
   *
   * @throws KadException ({@link KadError#OVERSIZED_MESSAGE}) if it exceeds {@code maxMessageSize}
   */
  public static ByteBuf frame(Message message, ByteBufAllocator alloc, int maxMessageSize) {
    int size = message.getSerializedSize();
    if (size > maxMessageSize) {
      throw new KadException(KadError.OVERSIZED_MESSAGE,
          "outbound message of " + size + " bytes exceeds the limit of " + maxMessageSize);
    }
    return frame(message, size, alloc);
  }

  @Override
  protected Message parse(ByteBuffer body) throws InvalidProtocolBufferException {
    return Message.parseFrom(body);
  }

  @Override
  protected RuntimeException error(Failure failure, String message, Throwable cause) {
    KadError kind = switch (failure) {
      case MALFORMED_LENGTH -> KadError.MALFORMED_LENGTH;
      case OVERSIZED -> KadError.OVERSIZED_MESSAGE;
      case MALFORMED_BODY -> KadError.MALFORMED_MESSAGE;
    };
    return new KadException(kind, message, cause);
  }
}
