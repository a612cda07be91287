package dev.icon.node.deploy;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.icon.overlay.varint.ProtobufFrameCodec;
import dev.icon.overlay.varint.Uvarint;
import dev.icon.proto.icon.deploy.DeployMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * Frames {@link DeployMessage}s on an {@code /icon/deploy/1.0.0} stream as the overlay's other
 * protocols do: each message preceded by its length as an unsigned varint. Inbound it emits one
 * parsed message per frame; outbound it encodes {@link DeployMessage}s (and {@link #encode}
 * turns one into bytes for {@code Stream.write}).
 *
 * <p>Limits: a length prefix above {@code maxFrameSize} is refused as soon as it has arrived,
 * before the body is buffered, so a peer cannot make us buffer more than one frame.
 *
 * <p>Errors: an oversized length, a malformed varint or an unparsable body fires a {@link
 * DeployException} ({@link DeployError#OVERSIZED_FRAME} or {@link DeployError#MALFORMED_FRAME})
 * down the pipeline and closes the stream. Semantic checks (offsets, hashes, order) belong to the
 * state machines, not here.
 *
 * <p>Threading: one instance per stream channel, used on its event loop; holds no session state.
 */
public final class DeployCodec extends ProtobufFrameCodec<DeployMessage> {

  /** A codec accepting and sending frames of at most {@code maxFrameSize} body bytes. */
  public DeployCodec(int maxFrameSize) {
    super(DeployMessage.class, positive(maxFrameSize, "maxFrameSize"), "deploy message");
  }

  /**
   * The length-prefixed bytes of {@code message}.
   *
   * @throws DeployException ({@link DeployError#OVERSIZED_FRAME}) above {@code maxFrameSize}
   */
  public static byte[] encode(DeployMessage message, int maxFrameSize) {
    int size = message.getSerializedSize();
    if (size > maxFrameSize) {
      throw new DeployException(DeployError.OVERSIZED_FRAME,
          "outbound deploy message of " + size + " bytes exceeds the limit of " + maxFrameSize);
    }
    byte[] prefix = Uvarint.encode(size);
    byte[] out = new byte[prefix.length + size];
    System.arraycopy(prefix, 0, out, 0, prefix.length);
    CodedOutputStream coded = CodedOutputStream.newInstance(out, prefix.length, size);
    try {
      message.writeTo(coded);
      coded.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new UncheckedIOException("serialising into a sized array failed", e);
    }
    return out;
  }

  @Override
  protected DeployMessage parse(ByteBuffer body) throws InvalidProtocolBufferException {
    return DeployMessage.parseFrom(body);
  }

  @Override
  protected RuntimeException error(Failure failure, String message, Throwable cause) {
    DeployError kind = failure == Failure.OVERSIZED
        ? DeployError.OVERSIZED_FRAME : DeployError.MALFORMED_FRAME;
    return new DeployException(kind, message, cause);
  }
}
