package dev.icon.market.negotiate;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.icon.overlay.varint.ProtobufFrameCodec;
import dev.icon.proto.icon.negotiate.NegotiateFrame;
import java.nio.ByteBuffer;

/**
 * Frames {@link NegotiateFrame}s on an {@code /icon/negotiate/1.0.0} stream: each preceded by its
 * length as an unsigned varint, like libp2p's protobuf protocols. Stateless apart from Netty's
 * cumulation; the session's state lives in the session classes.
 *
 * <p>Limits and errors: a length prefix above {@code maxFrameSize} is refused as soon as the
 * prefix has arrived; an oversized length, a malformed varint or an unparsable body fires a {@link
 * NegotiateException} ({@link NegotiateError#MALFORMED}) and closes the stream.
 *
 * <p>Threading and ownership: one instance per stream channel, used on its event loop; the decoder
 * releases the buffers it consumes, emitted frames are heap objects.
 */
public final class NegotiateCodec extends ProtobufFrameCodec<NegotiateFrame> {

  /**
   * A codec for frames of at most {@code maxFrameSize} bytes.
   *
   * @throws IllegalArgumentException if {@code maxFrameSize} is not positive
   */
  public NegotiateCodec(int maxFrameSize) {
    super(NegotiateFrame.class, positive(maxFrameSize, "maxFrameSize"), "negotiate frame");
  }

  @Override
  protected NegotiateFrame parse(ByteBuffer body) throws InvalidProtocolBufferException {
    return NegotiateFrame.parseFrom(body);
  }

  @Override
  protected RuntimeException error(Failure failure, String message, Throwable cause) {
    NegotiateException e = new NegotiateException(NegotiateError.MALFORMED, message);
    if (cause != null) {
      e.initCause(cause);
    }
    return e;
  }
}
