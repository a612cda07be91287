package dev.icon.overlay.identity;

import dev.icon.proto.libp2p.crypto.KeyType;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;

/** An Ed25519 public key (32 bytes, RFC 8032), verified with the JDK's Ed25519. */
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
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(toJdk(raw()));
      verifier.update(data);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      // Malformed signature or a point the JDK cannot decode: not a valid signature.
      return false;
    }
  }

  /** RFC 8032 encoding (little-endian y, x parity in the top bit) to a JDK key. */
  private static java.security.PublicKey toJdk(byte[] raw) throws GeneralSecurityException {
    boolean xOdd = (raw[LENGTH - 1] & 0x80) != 0;
    byte[] bigEndian = new byte[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      bigEndian[i] = raw[LENGTH - 1 - i];
    }
    bigEndian[0] &= 0x7F;
    EdECPoint point = new EdECPoint(xOdd, new BigInteger(1, bigEndian));
    return KeyFactory.getInstance("Ed25519")
        .generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, point));
  }
}
