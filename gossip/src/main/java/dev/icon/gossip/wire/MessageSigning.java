package dev.icon.gossip.wire;

import dev.icon.proto.libp2p.pubsub.Message;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The bytes a pubsub message signature covers (pubsub spec, "Message Signing"): the prefix {@code
 * "libp2p-pubsub:"} followed by the protobuf encoding of the message without its {@code signature}
 * and {@code key} fields. Stateless; shared by {@link MessageSigner} and {@link
 * MessageSignatureValidator}.
 *
 * <p>The encoding is rebuilt from the known fields {@code from, data, seqno, topic} in field order,
 * keeping each field's presence as received, and dropping unknown fields as js-libp2p does (go
 * would keep them; no implementation sends any).
 */
final class MessageSigning {

  /** Length of a seqno: a 64-bit big-endian unsigned integer. */
  static final int SEQNO_LENGTH = 8;

  private static final byte[] PREFIX = "libp2p-pubsub:".getBytes(StandardCharsets.US_ASCII);

  private MessageSigning() {}

  /** The signed bytes of {@code message}; its signature and key fields are ignored. */
  static byte[] signingInput(Message message) {
    Message.Builder unsigned = Message.newBuilder();
    if (message.hasFrom()) {
      unsigned.setFrom(message.getFrom());
    }
    if (message.hasData()) {
      unsigned.setData(message.getData());
    }
    if (message.hasSeqno()) {
      unsigned.setSeqno(message.getSeqno());
    }
    if (message.hasTopic()) {
      unsigned.setTopicBytes(message.getTopicBytes());  // the bytes as sent, even if not UTF-8
    }
    byte[] body = unsigned.build().toByteArray();
    byte[] out = new byte[PREFIX.length + body.length];
    System.arraycopy(PREFIX, 0, out, 0, PREFIX.length);
    System.arraycopy(body, 0, out, PREFIX.length, body.length);
    return out;
  }

  /** A seqno as 8 big-endian bytes (the long is read as unsigned). */
  static byte[] seqnoBytes(long seqno) {
    return ByteBuffer.allocate(SEQNO_LENGTH).putLong(seqno).array();
  }
}
