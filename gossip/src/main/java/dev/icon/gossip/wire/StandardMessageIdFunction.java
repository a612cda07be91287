package dev.icon.gossip.wire;

import dev.icon.gossip.api.MessageId;
import dev.icon.overlay.identity.IdentityException;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PublicKey;
import dev.icon.proto.libp2p.pubsub.Message;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The message-id functions other libp2p implementations use by default. Stateless and thread-safe.
 *
 * <p>Interop note: go-libp2p-pubsub defaults to {@link #FROM_SEQNO}; js-libp2p
 * {@code @libp2p/gossipsub} (17.x) defaults to {@link #PUBLIC_KEY_SEQNO} under StrictSign and
 * {@link #SHA256_DATA} under StrictNoSign. For an Ed25519 author the js id is the go id without the
 * two-byte identity-multihash header, so the two are NOT interchangeable: pick the one the mesh
 * you join uses.
 */
public enum StandardMessageIdFunction implements MessageIdFunction {

  /** The pubsub spec and go default: the {@code from} bytes followed by the {@code seqno} bytes. */
  FROM_SEQNO {
    @Override
    public MessageId idOf(Message message) {
      requireSeqno(message);
      if (!message.hasFrom()) {
        throw unidentifiable("message has no from field");
      }
      return MessageId.of(
          concat(message.getFrom().toByteArray(), message.getSeqno().toByteArray()));
    }
  },

  /**
   * js-libp2p's StrictSign default ({@code msgIdFnStrictSign}): the author's protobuf {@code
   * PublicKey} (inlined in {@code from}, else taken from {@code key}) followed by the seqno as 8
   * big-endian bytes. Requires an 8-byte seqno, as js's validation does.
   */
  PUBLIC_KEY_SEQNO {
    @Override
    public MessageId idOf(Message message) {
      requireSeqno(message);
      if (message.getSeqno().size() != MessageSigning.SEQNO_LENGTH) {
        throw unidentifiable("seqno is " + message.getSeqno().size() + " bytes, not 8");
      }
      PublicKey key = authorKey(message);
      return MessageId.of(concat(key.toProtobuf(), message.getSeqno().toByteArray()));
    }
  },

  /** The StrictNoSign default in js and rust: SHA-256 of {@code data} (empty if absent). */
  SHA256_DATA {
    @Override
    public MessageId idOf(Message message) {
      try {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        message.getData().asReadOnlyByteBufferList().forEach(sha256::update);
        return MessageId.of(sha256.digest());
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("the JDK always provides SHA-256", e);
      }
    }
  };

  private static void requireSeqno(Message message) {
    if (!message.hasSeqno()) {
      throw unidentifiable("message has no seqno field");
    }
  }

  private static PublicKey authorKey(Message message) {
    try {
      if (message.hasFrom()) {
        var inlined = PeerId.fromBytes(message.getFrom().toByteArray()).extractPublicKey();
        if (inlined.isPresent()) {
          return inlined.get();
        }
      }
      if (message.hasKey()) {
        return PublicKey.fromProtobuf(message.getKey().toByteArray());
      }
    } catch (IdentityException e) {
      throw new GossipWireException(GossipWireError.UNIDENTIFIABLE_MESSAGE,
          "unusable author: " + e.getMessage(), e);
    }
    throw unidentifiable("author key neither inlined in from nor carried in key");
  }

  private static GossipWireException unidentifiable(String why) {
    return new GossipWireException(GossipWireError.UNIDENTIFIABLE_MESSAGE, why);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
