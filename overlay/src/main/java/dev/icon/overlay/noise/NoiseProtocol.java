package dev.icon.overlay.noise;

import java.nio.charset.StandardCharsets;

/**
 * Constants of noise-libp2p (libp2p/specs {@code noise/README.md}): the multistream protocol id,
 * the concrete Noise protocol name and the wire limits.
 */
public final class NoiseProtocol {

  /** The multistream-select protocol id. */
  public static final String ID = "/noise";

  /** The only Noise protocol noise-libp2p speaks. */
  public static final String PROTOCOL_NAME = "Noise_XX_25519_ChaChaPoly_SHA256";

  /** Largest Noise message (and so the largest value of the 2-byte length prefix). */
  public static final int MAX_MESSAGE_LENGTH = 65535;

  /** Bytes of the Poly1305 authentication tag appended to every ciphertext. */
  public static final int TAG_LENGTH = 16;

  /** Largest plaintext that fits one transport message. */
  public static final int MAX_PLAINTEXT_LENGTH = MAX_MESSAGE_LENGTH - TAG_LENGTH;

  /** Bytes of the big-endian length prefix of every frame. */
  public static final int LENGTH_PREFIX = 2;

  /** Bytes of an X25519 public key. */
  public static final int DH_LENGTH = 32;

  /** Prefix of the data signed by the identity key: it binds the static Noise key to the peer. */
  static final byte[] STATIC_KEY_SIGNATURE_PREFIX =
      "noise-libp2p-static-key:".getBytes(StandardCharsets.UTF_8);

  private NoiseProtocol() {}

  /** The data the identity key signs: the domain prefix followed by the static X25519 key. */
  static byte[] staticKeySignedData(byte[] staticPublicKey) {
    byte[] prefix = STATIC_KEY_SIGNATURE_PREFIX;
    byte[] data = new byte[prefix.length + staticPublicKey.length];
    System.arraycopy(prefix, 0, data, 0, prefix.length);
    System.arraycopy(staticPublicKey, 0, data, prefix.length, staticPublicKey.length);
    return data;
  }
}
