package dev.icon.overlay.noise;

import java.security.SecureRandom;


/**
 * The Noise "25519" DH functions on raw 32-byte RFC 7748 encodings. Uses BouncyCastle's constant-time
 * RFC 7748 arithmetic: several times faster than the JDK's XDH provider, which made up most of a
 * connection's setup time. Stateless and thread-safe.
 */
final class X25519 {

  private X25519() {}

  /** Generates a key pair whose private key is 32 bytes from {@code random}. */
  static X25519KeyPair generate(SecureRandom random) {
    byte[] priv = new byte[NoiseProtocol.DH_LENGTH];
    random.nextBytes(priv);
    return X25519KeyPair.fromPrivate(priv);
  }

  /** The public key of the (unclamped, RFC 7748 encoded) private scalar {@code priv}. */
  static byte[] publicKey(byte[] priv) {
    byte[] pub = new byte[NoiseProtocol.DH_LENGTH];
    org.bouncycastle.math.ec.rfc7748.X25519.scalarMultBase(priv, 0, pub, 0);
    return pub;
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
    byte[] shared = new byte[NoiseProtocol.DH_LENGTH];
    // calculateAgreement masks the top bit of u (RFC 7748 section 5) and reports an all-zero
    // result, which only a low-order point produces.
    if (!org.bouncycastle.math.ec.rfc7748.X25519.calculateAgreement(priv, 0, pub, 0, shared, 0)) {
      throw new NoiseException(NoiseError.INVALID_KEY, "X25519 rejected the remote key (low order)");
    }
    return shared;
  }
}
