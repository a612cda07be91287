package dev.icon.overlay.identity;

import dev.icon.proto.libp2p.crypto.KeyType;

/**
 * An ECDSA public key on a NIST curve (P-256, P-384, P-521): DER SubjectPublicKeyInfo, verified
 * with the JDK's SHA256withECDSA (DER signatures). Kept in the JDK's canonical DER re-encoding.
 */
final class EcdsaPublicKey extends EncodedPublicKey {

  private final java.security.PublicKey jdkKey;

  private EcdsaPublicKey(java.security.PublicKey jdkKey) {
    super(KeyType.ECDSA, jdkKey.getEncoded());
    this.jdkKey = jdkKey;
  }

  static EcdsaPublicKey fromRaw(byte[] raw) {
    return new EcdsaPublicKey(JdkKeys.decodePkix("EC", raw));
  }

  @Override
  public boolean verify(byte[] data, byte[] signature) {
    return JdkKeys.verify("SHA256withECDSA", jdkKey, data, signature);
  }
}
