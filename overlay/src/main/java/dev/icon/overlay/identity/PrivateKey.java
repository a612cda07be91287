package dev.icon.overlay.identity;

import com.google.protobuf.InvalidProtocolBufferException;
import java.security.SecureRandom;

/**
 * Our own signing key. Only Ed25519 is supported for signing and loading (the default and only key
 * type ICON generates). Immutable and thread-safe; {@code toString} never shows secret material.
 */
public interface PrivateKey {

  /** Largest encoded private key accepted. */
  int MAX_ENCODED_LENGTH = 8192;

  /** Signs {@code data} (Ed25519, RFC 8032: 64-byte signature). */
  byte[] sign(byte[] data);

  /** The matching public key. */
  PublicKey publicKey();

  /** The libp2p {@code PrivateKey} protobuf (Ed25519 Data = seed || public key, 64 bytes). */
  byte[] toProtobuf();

  /**
   * Decodes a libp2p {@code PrivateKey} protobuf, e.g. a key file written by go/js-libp2p.
   *
   * @throws IdentityException if malformed, inconsistent, or not Ed25519
   */
  static PrivateKey fromProtobuf(byte[] encoded) {
    if (encoded.length > MAX_ENCODED_LENGTH) {
      throw new IdentityException(IdentityError.MALFORMED_KEY,
          "encoded private key of " + encoded.length + " bytes exceeds " + MAX_ENCODED_LENGTH);
    }
    dev.icon.proto.libp2p.crypto.PrivateKey message;
    try {
      message = dev.icon.proto.libp2p.crypto.PrivateKey.parseFrom(encoded);
    } catch (InvalidProtocolBufferException e) {
      throw new IdentityException(
          IdentityError.MALFORMED_KEY, "undecodable PrivateKey protobuf: " + e.getMessage(), e);
    }
    if (message.getType() != dev.icon.proto.libp2p.crypto.KeyType.Ed25519) {
      throw new IdentityException(IdentityError.UNSUPPORTED_KEY_TYPE,
          "only Ed25519 private keys can be loaded, got " + message.getType());
    }
    return Ed25519PrivateKey.fromData(message.getData().toByteArray());
  }

  /** Generates a fresh Ed25519 key from a new {@link SecureRandom}. */
  static PrivateKey generateEd25519() {
    return generateEd25519(new SecureRandom());
  }

  /** Generates an Ed25519 key from {@code random} (tests pass a seeded one). */
  static PrivateKey generateEd25519(SecureRandom random) {
    return Ed25519PrivateKey.generate(random);
  }
}
