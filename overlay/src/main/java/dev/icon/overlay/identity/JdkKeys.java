package dev.icon.overlay.identity;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;

/** JDK helpers shared by the DER (PKIX SubjectPublicKeyInfo) key types, ECDSA and RSA. */
final class JdkKeys {

  private JdkKeys() {}

  /** Decodes DER SubjectPublicKeyInfo for {@code algorithm} ("EC" or "RSA"). */
  static java.security.PublicKey decodePkix(String algorithm, byte[] der) {
    try {
      return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new IdentityException(IdentityError.INVALID_KEY,
          "not a valid DER " + algorithm + " SubjectPublicKeyInfo: " + e.getMessage(), e);
    }
  }

  /** Verifies with a JCA signature algorithm; false on any malformed input. */
  static boolean verify(
      String algorithm, java.security.PublicKey key, byte[] data, byte[] signature) {
    try {
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(key);
      verifier.update(data);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }
}
