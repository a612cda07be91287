package dev.icon.overlay.noise;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import javax.crypto.KeyAgreement;

/**
 * The Noise "25519" DH functions on the JDK's XDH provider, on raw 32-byte RFC 7748 encodings.
 * Stateless and thread-safe.
 */
final class X25519 {

  private static final BigInteger BASE_POINT = BigInteger.valueOf(9);

  private X25519() {}

  /** Generates a key pair whose private key is 32 bytes from {@code random}. */
  static X25519KeyPair generate(SecureRandom random) {
    byte[] priv = new byte[NoiseProtocol.DH_LENGTH];
    random.nextBytes(priv);
    return X25519KeyPair.fromPrivate(priv);
  }

  /** The public key of the (unclamped, RFC 7748 encoded) private scalar {@code priv}. */
  static byte[] publicKey(byte[] priv) {
    return scalarMult(priv, BASE_POINT);
  }

  /**
   * DH(priv, pub): the shared secret.
   *
   * @throws NoiseException INVALID_KEY when {@code pub} is malformed or of low order
   */
  static byte[] dh(byte[] priv, byte[] pub) {
    if (pub.length != NoiseProtocol.DH_LENGTH) {
      throw new NoiseException(NoiseError.INVALID_KEY, "X25519 public key of " + pub.length + " bytes");
    }
    return scalarMult(priv, decodeU(pub));
  }

  private static byte[] scalarMult(byte[] priv, BigInteger u) {
    try {
      KeyFactory kf = KeyFactory.getInstance("XDH");
      var privateKey = kf.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, priv));
      var publicKey = kf.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, u));
      KeyAgreement ka = KeyAgreement.getInstance("X25519");
      ka.init(privateKey);
      ka.doPhase(publicKey, true);
      return ka.generateSecret();
    } catch (InvalidKeyException | IllegalStateException e) {
      // The JDK rejects a shared secret of all zeros (a low-order point) this way.
      throw new NoiseException(NoiseError.INVALID_KEY, "X25519 rejected the remote key", e);
    } catch (GeneralSecurityException e) {
      throw new NoiseException(NoiseError.CRYPTO_FAILURE, "X25519 unavailable", e);
    }
  }

  /** Decodes a little-endian u-coordinate, masking the top bit as RFC 7748 section 5 requires. */
  private static BigInteger decodeU(byte[] pub) {
    byte[] be = new byte[pub.length];
    for (int i = 0; i < pub.length; i++) {
      be[i] = pub[pub.length - 1 - i];
    }
    be[0] &= 0x7f;
    return new BigInteger(1, be);
  }
}
