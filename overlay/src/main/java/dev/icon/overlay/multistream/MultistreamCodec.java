package dev.icon.overlay.multistream;

import dev.icon.overlay.varint.Uvarint;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Stateless framing of multistream-select messages: {@code uvarint(len) || utf8 || '\n'}, where
 * {@code len} counts the newline. Also the {@code ls} response body: a sequence of such messages
 * followed by one {@code '\n'}, itself sent as one message (the format go and rust use).
 *
 * <p>Thread-safe (no state). Methods never retain or release the buffers they are given.
 */
public final class MultistreamCodec {

  private static final int MAX_VARINT_BYTES = 9;

  private MultistreamCodec() {}

  /** Appends one framed message to {@code out}. */
  public static void encode(String message, ByteBuf out) {
    byte[] utf8 = message.getBytes(StandardCharsets.UTF_8);
    Uvarint.write(out, utf8.length + 1L);
    out.writeBytes(utf8);
    out.writeByte('\n');
  }

  /** Allocates a buffer holding {@code messages} framed back to back; the caller owns it. */
  public static ByteBuf encode(ByteBufAllocator alloc, String... messages) {
    ByteBuf out = alloc.buffer();
    for (String m : messages) {
      encode(m, out);
    }
    return out;
  }

  /** Appends the framed {@code ls} response listing {@code protocols} to {@code out}. */
  public static void encodeList(Collection<String> protocols, ByteBuf out) {
    ByteBuf body = out.alloc().buffer();
    try {
      for (String p : protocols) {
        encode(p, body);
      }
      body.writeByte('\n');
      Uvarint.write(out, body.readableBytes());
      out.writeBytes(body);
    } finally {
      body.release();
    }
  }

  /**
   * Decodes one message's payload (without the newline) from {@code in}, consuming it. Returns
   * null and leaves {@code in} untouched when the message is not complete yet.
   *
   * @throws MultistreamException MESSAGE_TOO_LONG or MALFORMED_MESSAGE
   */
  public static byte[] decodePayload(ByteBuf in, int maxLength) {
    int start = in.readerIndex();
    long length = 0;
    int shift = 0;
    int i = 0;
    while (true) {
      if (i == in.readableBytes()) {
        return null;
      }
      if (i == MAX_VARINT_BYTES) {
        throw new MultistreamException(MultistreamError.MALFORMED_MESSAGE, "length prefix too long");
      }
      int b = in.getUnsignedByte(start + i);
      i++;
      length |= (long) (b & 0x7f) << shift;
      shift += 7;
      if (length > maxLength) {
        throw new MultistreamException(
            MultistreamError.MESSAGE_TOO_LONG, "message longer than " + maxLength + " bytes");
      }
      if ((b & 0x80) == 0) {
        break;
      }
    }
    if (i > 1 && in.getUnsignedByte(start + i - 1) == 0) {
      throw new MultistreamException(MultistreamError.MALFORMED_MESSAGE, "non-minimal length prefix");
    }
    if (length == 0) {
      throw new MultistreamException(MultistreamError.MALFORMED_MESSAGE, "empty message");
    }
    if (in.readableBytes() - i < length) {
      return null;
    }
    int end = start + i + (int) length;
    if (in.getByte(end - 1) != '\n') {
      throw new MultistreamException(MultistreamError.MALFORMED_MESSAGE, "missing trailing newline");
    }
    byte[] payload = new byte[(int) length - 1];
    in.getBytes(start + i, payload);
    in.readerIndex(end);
    return payload;
  }

  /**
   * Decodes one message as a string (see {@link #decodePayload}); null when incomplete.
   *
   * @throws MultistreamException MESSAGE_TOO_LONG or MALFORMED_MESSAGE (also for invalid UTF-8)
   */
  public static String decode(ByteBuf in, int maxLength) {
    byte[] payload = decodePayload(in, maxLength);
    return payload == null ? null : utf8(payload);
  }

  /**
   * Parses the payload of an {@code ls} response into protocol ids.
   *
   * @throws MultistreamException MALFORMED_MESSAGE when the body is not a list of messages
   */
  public static List<String> decodeList(byte[] payload, int maxLength) {
    ByteBuf body = Unpooled.wrappedBuffer(payload);
    List<String> out = new ArrayList<>();
    while (body.isReadable()) {
      String p = decode(body, maxLength);
      if (p == null) {
        throw new MultistreamException(MultistreamError.MALFORMED_MESSAGE, "truncated ls entry");
      }
      out.add(p);
    }
    return out;
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new MultistreamException(MultistreamError.MALFORMED_MESSAGE, "invalid UTF-8");
    }
  }
}
