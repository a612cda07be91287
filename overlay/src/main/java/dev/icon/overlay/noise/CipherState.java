package dev.icon.overlay.noise;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Noise CipherState for ChaChaPoly: a key {@code k} and a 64-bit nonce {@code n}, with one
 * reused JDK {@link Cipher}. The 96-bit nonce is 4 zero bytes followed by {@code n} little-endian.
 *
 * <p>Not thread-safe: each instance belongs to one connection's event loop (or one handshake).
 * Buffers passed in are neither retained nor released.
 */
final class CipherState {

  /** Bytes of a ChaChaPoly key. */
  static final int KEY_LENGTH = 32;

  private static final long NONCE_EXHAUSTED = -1L; // 2^64-1 as unsigned: reserved by Noise

  private SecretKeySpec key;
  private long nonce;
  private final byte[] iv = new byte[12];
  private Cipher cipher;
  private byte[] scratch;

  /** A cipher state without a key (encryption is the identity function). */
  CipherState() {}

  /** A cipher state with {@code key} and nonce 0. */
  CipherState(byte[] key) {
    initializeKey(key);
  }

  /** InitializeKey(k): sets the key (32 bytes) and resets the nonce to 0. */
  void initializeKey(byte[] k) {
    if (k.length != KEY_LENGTH) {
      throw new IllegalArgumentException("ChaChaPoly key must be 32 bytes");
    }
    this.key = new SecretKeySpec(k, "ChaCha20");
    this.nonce = 0;
    if (cipher == null) {
      cipher = newCipher();
    }
  }

  private static Cipher newCipher() {
    try {
      return Cipher.getInstance("ChaCha20-Poly1305");
    } catch (GeneralSecurityException e) {
      throw new NoiseException(NoiseError.CRYPTO_FAILURE, "ChaCha20-Poly1305 unavailable", e);
    }
  }

  /** Whether a key has been set. */
  boolean hasKey() {
    return key != null;
  }

  /** The next nonce to be used (for tests and diagnostics). */
  long nonce() {
    return nonce;
  }

  /** Sets the nonce (SetNonce); used by tests. */
  void setNonce(long n) {
    this.nonce = n;
  }

  /** EncryptWithAd: returns the ciphertext with tag, or the plaintext if no key is set. */
  byte[] encryptWithAd(byte[] ad, byte[] plaintext) {
    if (key == null) {
      return plaintext.clone();
    }
    try {
      init(Cipher.ENCRYPT_MODE, ad);
      return cipher.doFinal(plaintext);
    } catch (GeneralSecurityException e) {
      throw new NoiseException(NoiseError.CRYPTO_FAILURE, "encryption failed", e);
    }
  }

  /**
   * DecryptWithAd: returns the plaintext, or the input if no key is set.
   *
   * @throws NoiseException DECRYPT_FAILED when authentication fails; the nonce is not advanced
   */
  byte[] decryptWithAd(byte[] ad, byte[] ciphertext) {
    if (key == null) {
      return ciphertext.clone();
    }
    if (ciphertext.length < NoiseProtocol.TAG_LENGTH) {
      throw new NoiseException(NoiseError.MALFORMED_MESSAGE, "ciphertext shorter than its tag");
    }
    try {
      init(Cipher.DECRYPT_MODE, ad);
      byte[] plain = cipher.doFinal(ciphertext);
      return plain;
    } catch (AEADBadTagException e) {
      nonce--; // Noise: a failed decryption does not consume the nonce
      cipher = newCipher(); // the JDK refuses to re-init one Cipher with the same key and nonce
      throw new NoiseException(NoiseError.DECRYPT_FAILED, "authentication tag mismatch", e);
    } catch (GeneralSecurityException e) {
      throw new NoiseException(NoiseError.CRYPTO_FAILURE, "decryption failed", e);
    }
  }

  /**
   * Encrypts all readable bytes of {@code plaintext} (no associated data) and appends the
   * ciphertext and tag to {@code out}, growing it if needed. {@code plaintext}'s reader index is
   * not moved. Fastest when {@code out} is a heap buffer: the JDK cipher runs best on arrays, so
   * a plaintext without a single backing array is first copied into a reused scratch array.
   */
  void encrypt(ByteBuf plaintext, ByteBuf out) {
    int len = plaintext.readableBytes();
    int outLen = len + NoiseProtocol.TAG_LENGTH;
    out.ensureWritable(outLen);
    byte[] src;
    int srcOffset;
    if (plaintext.hasArray()) {
      src = plaintext.array();
      srcOffset = plaintext.arrayOffset() + plaintext.readerIndex();
    } else {
      src = scratch(len);
      srcOffset = 0;
      plaintext.getBytes(plaintext.readerIndex(), src, 0, len);
    }
    try {
      init(Cipher.ENCRYPT_MODE, null);
      if (out.hasArray()) {
        cipher.doFinal(src, srcOffset, len, out.array(), out.arrayOffset() + out.writerIndex());
      } else {
        cipher.doFinal(ByteBuffer.wrap(src, srcOffset, len), out.nioBuffer(out.writerIndex(), outLen));
      }
    } catch (GeneralSecurityException e) {
      throw new NoiseException(NoiseError.CRYPTO_FAILURE, "encryption failed", e);
    }
    out.writerIndex(out.writerIndex() + outLen);
  }

  /**
   * Decrypts all readable bytes of {@code ciphertext} (no associated data) and appends the
   * plaintext to {@code out}, growing it if needed. Fastest when {@code out} is a heap buffer.
   *
   * @throws NoiseException DECRYPT_FAILED on a bad tag, MALFORMED_MESSAGE when shorter than a tag
   */
  void decrypt(ByteBuf ciphertext, ByteBuf out) {
    int len = ciphertext.readableBytes();
    if (len < NoiseProtocol.TAG_LENGTH) {
      throw new NoiseException(NoiseError.MALFORMED_MESSAGE, "transport message of " + len + " bytes");
    }
    int outLen = len - NoiseProtocol.TAG_LENGTH;
    out.ensureWritable(outLen);
    byte[] src;
    int srcOffset;
    if (ciphertext.hasArray()) {
      src = ciphertext.array();
      srcOffset = ciphertext.arrayOffset() + ciphertext.readerIndex();
    } else {
      // Frames read from a socket are direct; the JDK decrypts a direct ByteBuffer through an
      // internal copy on a slower path, so one copy into the scratch array is cheaper.
      src = scratch(len);
      srcOffset = 0;
      ciphertext.getBytes(ciphertext.readerIndex(), src, 0, len);
    }
    try {
      init(Cipher.DECRYPT_MODE, null);
      if (out.hasArray()) {
        cipher.doFinal(src, srcOffset, len, out.array(), out.arrayOffset() + out.writerIndex());
      } else {
        cipher.doFinal(ByteBuffer.wrap(src, srcOffset, len), out.nioBuffer(out.writerIndex(), outLen));
      }
    } catch (AEADBadTagException e) {
      throw new NoiseException(NoiseError.DECRYPT_FAILED, "authentication tag mismatch", e);
    } catch (GeneralSecurityException e) {
      throw new NoiseException(NoiseError.CRYPTO_FAILURE, "decryption failed", e);
    }
    out.writerIndex(out.writerIndex() + outLen);
  }

  private byte[] scratch(int len) {
    if (scratch == null || scratch.length < len) {
      scratch = new byte[Math.max(len, 1024)];
    }
    return scratch;
  }

  private void init(int mode, byte[] ad) throws GeneralSecurityException {
    if (nonce == NONCE_EXHAUSTED) {
      throw new NoiseException(NoiseError.NONCE_EXHAUSTED, "nonce space exhausted");
    }
    long n = nonce++;
    for (int i = 0; i < 8; i++) {
      iv[4 + i] = (byte) (n >>> (8 * i));
    }
    cipher.init(mode, key, new IvParameterSpec(iv));
    if (ad != null && ad.length > 0) {
      cipher.updateAAD(ad);
    }
  }
}
