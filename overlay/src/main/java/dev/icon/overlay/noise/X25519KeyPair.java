package dev.icon.overlay.noise;

import java.util.Arrays;

/**
 * An X25519 key pair in raw 32-byte encodings. The arrays are defensively copied; instances are
 * immutable and thread-safe.
 *
 * @param privateKey the private scalar (RFC 7748 encoding, clamped by the DH function)
 * @param publicKey the public u-coordinate (little-endian)
 */
record X25519KeyPair(byte[] privateKey, byte[] publicKey) {

  /** Validates lengths and copies the arrays. */
  X25519KeyPair {
    if (privateKey.length != NoiseProtocol.DH_LENGTH || publicKey.length != NoiseProtocol.DH_LENGTH) {
      throw new IllegalArgumentException("X25519 keys are 32 bytes");
    }
    privateKey = privateKey.clone();
    publicKey = publicKey.clone();
  }

  /** The key pair of a given private key (its public key derived). */
  static X25519KeyPair fromPrivate(byte[] privateKey) {
    return new X25519KeyPair(privateKey, X25519.publicKey(privateKey));
  }

  @Override
  public byte[] privateKey() {
    return privateKey.clone();
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof X25519KeyPair k && Arrays.equals(publicKey, k.publicKey)
        && Arrays.equals(privateKey, k.privateKey);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(publicKey);
  }

  @Override
  public String toString() {
    return "X25519KeyPair[public=" + java.util.HexFormat.of().formatHex(publicKey) + "]";
  }
}
