package dev.icon.overlay.identity;

import dev.icon.proto.libp2p.crypto.KeyType;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 public key (32 bytes, RFC 8032), verified with BouncyCastle's RFC 8032 arithmetic
 * (several times faster than the JDK's; verification is on every handshake).
 */
final class Ed25519PublicKey extends EncodedPublicKey {

  static final int LENGTH = 32;

  private Ed25519PublicKey(byte[] raw) {
    super(KeyType.Ed25519, raw);
  }

  static Ed25519PublicKey fromRaw(byte[] raw) {
    if (raw.length != LENGTH) {
      throw new IdentityException(IdentityError.MALFORMED_KEY,
          "Ed25519 public key must be " + LENGTH + " bytes, got " + raw.length);
    }
    return new Ed25519PublicKey(raw);
  }

  @Override
  public boolean verify(byte[] data, byte[] signature) {
    // RFC 8032 verification: rejects non-canonical encodings and points not on the curve.
    return signature != null && signature.length == Ed25519.SIGNATURE_SIZE
        && Ed25519.verify(signature, 0, raw(), 0, data, 0, data.length);
  }
}
