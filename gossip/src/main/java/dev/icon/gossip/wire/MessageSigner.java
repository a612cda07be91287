package dev.icon.gossip.wire;

import com.google.protobuf.ByteString;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.proto.libp2p.pubsub.Message;
import java.util.Objects;

/**
 * Builds the pubsub messages we author: signed ones for {@link SignaturePolicy#STRICT_SIGN} and
 * anonymous ones for {@link SignaturePolicy#STRICT_NO_SIGN}. Immutable and thread-safe; the caller
 * supplies the seqno (its source, e.g. a counter seeded from the clock, is the router's business).
 */
public final class MessageSigner {

  /** Whether signed messages carry the {@code key} field. */
  public enum KeyField {
    /**
     * The spec and go behaviour: only when the key cannot be extracted from {@code from} (RSA and
     * ECDSA authors). Saves 36 bytes per message for Ed25519 authors.
     */
    OMIT_WHEN_INLINED,
    /** js-libp2p's behaviour: always. */
    ALWAYS
  }

  private final PrivateKey privateKey;
  private final PeerId author;
  private final byte[] keyField;

  /** A signer for {@code privateKey} using {@link KeyField#OMIT_WHEN_INLINED}. */
  public MessageSigner(PrivateKey privateKey) {
    this(privateKey, KeyField.OMIT_WHEN_INLINED);
  }

  /** A signer for {@code privateKey} with the given {@code key} field behaviour. */
  public MessageSigner(PrivateKey privateKey, KeyField keyField) {
    this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
    this.author = privateKey.publicKey().peerId();
    boolean inlined = author.extractPublicKey().isPresent();
    this.keyField = keyField == KeyField.ALWAYS || !inlined
        ? privateKey.publicKey().toProtobuf()
        : null;
  }

  /** The peer id our messages carry in {@code from}. */
  public PeerId author() {
    return author;
  }

  /**
   * A signed message: {@code from} = our peer id, {@code seqno} = 8 big-endian bytes of {@code
   * seqno} (read as unsigned), and a signature over the spec's signing input. An empty topic is
   * left out of the encoding, as js (proto3) does, so js verifies the signature.
   */
  public Message sign(String topic, byte[] data, long seqno) {
    Message.Builder builder = Message.newBuilder()
        .setFrom(ByteString.copyFrom(author.toBytes()))
        .setData(ByteString.copyFrom(data))
        .setSeqno(ByteString.copyFrom(MessageSigning.seqnoBytes(seqno)));
    if (!topic.isEmpty()) {
      builder.setTopic(topic);
    }
    byte[] signature = privateKey.sign(MessageSigning.signingInput(builder.build()));
    builder.setSignature(ByteString.copyFrom(signature));
    if (keyField != null) {
      builder.setKey(ByteString.copyFrom(keyField));
    }
    return builder.build();
  }

  /** An anonymous message for {@link SignaturePolicy#STRICT_NO_SIGN}: only topic and data. */
  public static Message unsigned(String topic, byte[] data) {
    Message.Builder builder = Message.newBuilder().setData(ByteString.copyFrom(data));
    if (!topic.isEmpty()) {
      builder.setTopic(topic);
    }
    return builder.build();
  }
}
