package dev.icon.overlay.kad;

import dev.icon.overlay.identity.IdentityException;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PublicKey;
import java.util.Arrays;
import java.util.List;

/**
 * The spec's {@code /pk/} namespace: key {@code /pk/<binary peer id>}, value the peer's libp2p
 * {@code PublicKey} protobuf, valid when the key derives that peer id. All valid values for a key
 * are the same key, so {@link #select} takes the first. Stateless and thread-safe.
 */
public final class PublicKeyValidator implements RecordValidator {

  /** The namespace, without slashes. */
  public static final String NAMESPACE = "pk";

  private static final int PREFIX_LENGTH = NAMESPACE.length() + 2;

  @Override
  public void validate(byte[] key, byte[] value) {
    if (!"pk".equals(RecordValidators.namespace(key))) {
      throw new KadException(KadError.MALFORMED_KEY, "not a /pk/ key");
    }
    PeerId peer;
    try {
      peer = PeerId.fromBytes(Arrays.copyOfRange(key, PREFIX_LENGTH, key.length));
    } catch (IdentityException e) {
      throw new KadException(KadError.MALFORMED_KEY, "bad peer id in /pk/ key: " + e.getMessage());
    }
    PublicKey publicKey;
    try {
      publicKey = PublicKey.fromProtobuf(value);
    } catch (IdentityException e) {
      throw new KadException(KadError.MALFORMED_RECORD, "bad public key: " + e.getMessage());
    }
    if (!publicKey.peerId().equals(peer)) {
      throw new KadException(KadError.KEY_MISMATCH, "public key belongs to "
          + publicKey.peerId() + ", not " + peer);
    }
  }

  @Override
  public int select(byte[] key, List<byte[]> values) {
    return 0;
  }
}
