package dev.icon.overlay.noise;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Noise SymmetricState for SHA-256: chaining key {@code ck}, handshake hash {@code h} and a
 * {@link CipherState}. Not thread-safe; used by one handshake only.
 */
final class SymmetricState {

  /** Bytes of a SHA-256 output (HASHLEN). */
  static final int HASH_LENGTH = 32;

  private final MessageDigest sha256;
  private final Mac hmac;
  private final CipherState cipher = new CipherState();
  private byte[] ck;
  private byte[] h;

  /** InitializeSymmetric(protocolName). */
  SymmetricState(String protocolName) {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
      hmac = Mac.getInstance("HmacSHA256");
    } catch (GeneralSecurityException e) {
      throw new NoiseException(NoiseError.CRYPTO_FAILURE, "SHA-256 unavailable", e);
    }
    byte[] name = protocolName.getBytes(StandardCharsets.US_ASCII);
    if (name.length <= HASH_LENGTH) {
      h = Arrays.copyOf(name, HASH_LENGTH);
    } else {
      h = sha256.digest(name);
    }
    ck = h.clone();
  }

  /** MixKey(input_key_material). */
  void mixKey(byte[] ikm) {
    byte[][] out = hkdf(ck, ikm, 2);
    ck = out[0];
    cipher.initializeKey(out[1]);
  }

  /** MixHash(data): h = HASH(h || data). */
  void mixHash(byte[] data) {
    sha256.update(h);
    sha256.update(data);
    h = sha256.digest();
  }

  /** EncryptAndHash(plaintext). */
  byte[] encryptAndHash(byte[] plaintext) {
    byte[] ciphertext = cipher.encryptWithAd(h, plaintext);
    mixHash(ciphertext);
    return ciphertext;
  }

  /** DecryptAndHash(ciphertext). */
  byte[] decryptAndHash(byte[] ciphertext) {
    byte[] plaintext = cipher.decryptWithAd(h, ciphertext);
    mixHash(ciphertext);
    return plaintext;
  }

  /** Whether the inner cipher has a key (so a static key is sent encrypted, with a tag). */
  boolean hasKey() {
    return cipher.hasKey();
  }

  /** The handshake hash h (a copy). */
  byte[] handshakeHash() {
    return h.clone();
  }

  /** The chaining key (a copy; for tests). */
  byte[] chainingKey() {
    return ck.clone();
  }

  /** Split(): the two transport cipher states, initiator-to-responder first. */
  CipherState[] split() {
    byte[][] out = hkdf(ck, new byte[0], 2);
    return new CipherState[] {new CipherState(out[0]), new CipherState(out[1])};
  }

  /** HKDF as the Noise spec defines it with HMAC-SHA256, returning {@code outputs} outputs. */
  byte[][] hkdf(byte[] chainingKey, byte[] ikm, int outputs) {
    try {
      hmac.init(new SecretKeySpec(chainingKey, "HmacSHA256"));
      byte[] tempKey = hmac.doFinal(ikm);
      hmac.init(new SecretKeySpec(tempKey, "HmacSHA256"));
      byte[][] out = new byte[outputs][];
      byte[] prev = new byte[0];
      for (int i = 0; i < outputs; i++) {
        hmac.update(prev);
        hmac.update((byte) (i + 1));
        prev = hmac.doFinal();
        out[i] = prev;
      }
      return out;
    } catch (GeneralSecurityException e) {
      throw new NoiseException(NoiseError.CRYPTO_FAILURE, "HMAC-SHA256 failed", e);
    }
  }
}
