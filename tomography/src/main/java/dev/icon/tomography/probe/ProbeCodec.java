package dev.icon.tomography.probe;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import dev.icon.overlay.varint.Uvarint;
import dev.icon.overlay.varint.VarintException;
import dev.icon.proto.icon.probe.ProbeRequest;
import dev.icon.proto.icon.probe.ProbeResponse;

/**
 * Stateless framing of {@code /icon/probe/1.0.0} messages: {@code uvarint(length) || protobuf},
 * exactly one frame per direction of a stream. Decoding is strict: a truncated or non-minimal
 * length, a length beyond the limit, bytes after the frame or a body that is not the message are
 * {@link ProbeError#MALFORMED_FRAME}. Thread-safe.
 */
public final class ProbeCodec {

  private ProbeCodec() {}

  /** The frame of {@code message}. */
  public static byte[] encode(MessageLite message) {
    byte[] body = message.toByteArray();
    byte[] length = Uvarint.encode(body.length);
    byte[] out = new byte[length.length + body.length];
    System.arraycopy(length, 0, out, 0, length.length);
    System.arraycopy(body, 0, out, length.length, body.length);
    return out;
  }

  /** The request {@code frame} holds, at most {@code maxBytes} long in all. */
  public static ProbeRequest decodeRequest(byte[] frame, int maxBytes) {
    return decode(frame, maxBytes, ProbeRequest.parser(), "probe request");
  }

  /** The response {@code frame} holds, at most {@code maxBytes} long in all. */
  public static ProbeResponse decodeResponse(byte[] frame, int maxBytes) {
    return decode(frame, maxBytes, ProbeResponse.parser(), "probe response");
  }

  private static <T> T decode(byte[] frame, int maxBytes, Parser<T> parser, String what) {
    if (frame.length > maxBytes) {
      throw new ProbeException(ProbeError.MALFORMED_FRAME,
          what + " of " + frame.length + " bytes exceeds the limit of " + maxBytes);
    }
    if (frame.length == 0) {
      throw new ProbeException(ProbeError.MALFORMED_FRAME, "empty " + what);
    }
    Uvarint.Decoded length;
    try {
      length = Uvarint.decode(frame, 0);
    } catch (VarintException e) {
      throw new ProbeException(ProbeError.MALFORMED_FRAME,
          what + " has a bad length prefix: " + e.getMessage());
    }
    long body = frame.length - (long) length.length();
    if (length.value() != body) {
      throw new ProbeException(ProbeError.MALFORMED_FRAME, what + " says " + length.value()
          + " bytes but carries " + body + " (exactly one frame per stream)");
    }
    try {
      return parser.parseFrom(frame, length.length(), (int) body);
    } catch (InvalidProtocolBufferException e) {
      throw new ProbeException(ProbeError.MALFORMED_FRAME,
          what + " is not valid protobuf: " + e.getMessage());
    }
  }
}
