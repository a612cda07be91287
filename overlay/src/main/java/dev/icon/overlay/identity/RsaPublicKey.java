package dev.icon.overlay.identity;

import dev.icon.proto.libp2p.crypto.KeyType;
import java.security.interfaces.RSAPublicKey;

/**
 * An RSA public key: DER SubjectPublicKeyInfo, verified with the JDK's SHA256withRSA (PKCS#1
 * v1.5). Moduli under {@value #MIN_BITS} bits (weak) or over {@value #MAX_BITS} bits (costly to
 * verify, a denial-of-service lever) are rejected, matching go-libp2p's bounds.
 */
final class RsaPublicKey extends EncodedPublicKey {

  static final int MIN_BITS = 2048;
  static final int MAX_BITS = 8192;

  private final java.security.PublicKey jdkKey;

  private RsaPublicKey(java.security.PublicKey jdkKey) {
    super(KeyType.RSA, jdkKey.getEncoded());
    this.jdkKey = jdkKey;
  }

  static RsaPublicKey fromRaw(byte[] raw) {
    java.security.PublicKey key = JdkKeys.decodePkix("RSA", raw);
    int bits = ((RSAPublicKey) key).getModulus().bitLength();
    if (bits < MIN_BITS || bits > MAX_BITS) {
      throw new IdentityException(IdentityError.KEY_SIZE, "RSA key of " + bits
          + " bits is outside the accepted range " + MIN_BITS + ".." + MAX_BITS + " bits");
    }
    return new RsaPublicKey(key);
  }

  @Override
  public boolean verify(byte[] data, byte[] signature) {
    return JdkKeys.verify("SHA256withRSA", jdkKey, data, signature);
  }
}
