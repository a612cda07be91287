package dev.icon.overlay.identity;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.icon.proto.libp2p.crypto.KeyType;

/**
 * A libp2p public key of any supported type. Immutable and thread-safe; {@code equals} compares
 * type and {@link #raw()} bytes.
 */
public interface PublicKey {

  /** Largest encoded public key accepted (an 8192-bit RSA key takes about 1.1 KiB). */
  int MAX_ENCODED_LENGTH = 4096;

  /** The key type (protobuf enum). */
  KeyType type();

  /**
   * The key's Data field, normalized the way go/js-libp2p re-encode it: 32 bytes for Ed25519, the
   * compressed SEC1 point for secp256k1, DER SubjectPublicKeyInfo for ECDSA and RSA. A copy.
   */
  byte[] raw();

  /**
   * Verifies a signature over {@code data} with this key's libp2p signing method. Returns false for
   * a wrong or malformed signature; never throws for bad input.
   */
  boolean verify(byte[] data, byte[] signature);

  /** The deterministic libp2p {@code PublicKey} protobuf encoding (type, then Data). */
  default byte[] toProtobuf() {
    return dev.icon.proto.libp2p.crypto.PublicKey.newBuilder()
        .setType(type())
        .setData(com.google.protobuf.ByteString.copyFrom(raw()))
        .build()
        .toByteArray();
  }

  /** The peer id derived from this key. */
  default PeerId peerId() {
    return PeerId.fromPublicKey(this);
  }

  /**
   * Decodes a libp2p {@code PublicKey} protobuf, e.g. from a handshake payload.
   *
   * @throws IdentityException if the encoding or the key is invalid or the type unsupported
   */
  static PublicKey fromProtobuf(byte[] encoded) {
    if (encoded.length > MAX_ENCODED_LENGTH) {
      throw new IdentityException(IdentityError.MALFORMED_KEY,
          "encoded public key of " + encoded.length + " bytes exceeds " + MAX_ENCODED_LENGTH);
    }
    dev.icon.proto.libp2p.crypto.PublicKey message;
    try {
      message = dev.icon.proto.libp2p.crypto.PublicKey.parseFrom(encoded);
    } catch (InvalidProtocolBufferException e) {
      throw new IdentityException(
          IdentityError.MALFORMED_KEY, "undecodable PublicKey protobuf: " + e.getMessage(), e);
    }
    byte[] data = message.getData().toByteArray();
    switch (message.getType()) {
      case Ed25519:
        return Ed25519PublicKey.fromRaw(data);
      case Secp256k1:
        return Secp256k1PublicKey.fromRaw(data);
      case ECDSA:
        return EcdsaPublicKey.fromRaw(data);
      case RSA:
        return RsaPublicKey.fromRaw(data);
      default:
        throw new IdentityException(
            IdentityError.UNSUPPORTED_KEY_TYPE, "unsupported key type " + message.getType());
    }
  }
}
