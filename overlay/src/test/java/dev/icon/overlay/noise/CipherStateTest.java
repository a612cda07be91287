package dev.icon.overlay.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class CipherStateTest {

  private static final byte[] KEY = new byte[32];

  static {
    Arrays.fill(KEY, (byte) 0x42);
  }

  @Test
  void withoutKeyEncryptionIsIdentity() {
    CipherState cs = new CipherState();
    byte[] data = {1, 2, 3};
    assertThat(cs.hasKey()).isFalse();
    assertThat(cs.encryptWithAd(new byte[] {9}, data)).isEqualTo(data);
    assertThat(cs.decryptWithAd(new byte[] {9}, data)).isEqualTo(data);
  }

  @Test
  void roundTripAdvancesNonces() {
    CipherState enc = new CipherState(KEY);
    CipherState dec = new CipherState(KEY);
    byte[] ad = "ad".getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < 3; i++) {
      byte[] ct = enc.encryptWithAd(ad, new byte[] {(byte) i});
      assertThat(ct).hasSize(1 + 16);
      assertThat(dec.decryptWithAd(ad, ct)).containsExactly((byte) i);
    }
    assertThat(enc.nonce()).isEqualTo(3);
    assertThat(dec.nonce()).isEqualTo(3);
  }

  @Test
  void wrongAssociatedDataFailsWithoutConsumingTheNonce() {
    CipherState enc = new CipherState(KEY);
    CipherState dec = new CipherState(KEY);
    byte[] ct = enc.encryptWithAd(new byte[] {1}, new byte[] {5, 6});
    assertThatThrownBy(() -> dec.decryptWithAd(new byte[] {2}, ct))
        .isInstanceOfSatisfying(NoiseException.class, e -> assertThat(e.error()).isEqualTo(NoiseError.DECRYPT_FAILED));
    assertThat(dec.nonce()).isZero();
    assertThat(dec.decryptWithAd(new byte[] {1}, ct)).containsExactly(5, 6);
  }

  @Test
  void nonceIsFourZeroBytesThenLittleEndianCounter() throws Exception {
    CipherState enc = new CipherState(KEY);
    enc.setNonce(0x0102030405060708L);
    byte[] ct = enc.encryptWithAd(new byte[0], new byte[] {1, 2, 3});
    Cipher jdk = Cipher.getInstance("ChaCha20-Poly1305");
    jdk.init(Cipher.DECRYPT_MODE, new SecretKeySpec(KEY, "ChaCha20"),
        new IvParameterSpec(new byte[] {0, 0, 0, 0, 8, 7, 6, 5, 4, 3, 2, 1}));
    assertThat(jdk.doFinal(ct)).containsExactly(1, 2, 3);
  }

  @Test
  void exhaustedNonceIsRefused() {
    CipherState enc = new CipherState(KEY);
    enc.setNonce(-1L);
    assertThatThrownBy(() -> enc.encryptWithAd(new byte[0], new byte[1]))
        .isInstanceOfSatisfying(NoiseException.class, e -> assertThat(e.error()).isEqualTo(NoiseError.NONCE_EXHAUSTED));
  }

  @Test
  void shortCiphertextIsMalformed() {
    CipherState dec = new CipherState(KEY);
    assertThatThrownBy(() -> dec.decryptWithAd(new byte[0], new byte[15]))
        .isInstanceOfSatisfying(NoiseException.class, e -> assertThat(e.error()).isEqualTo(NoiseError.MALFORMED_MESSAGE));
  }

  @Test
  void byteBufPathMatchesArrayPathIncludingCompositeInput() {
    CipherState arrays = new CipherState(KEY);
    CipherState bufs = new CipherState(KEY);
    byte[] expected = arrays.encryptWithAd(new byte[0], new byte[] {1, 2, 3, 4, 5});
    ByteBuf composite = Unpooled.wrappedBuffer(
        Unpooled.wrappedBuffer(new byte[] {1, 2}), Unpooled.directBuffer().writeBytes(new byte[] {3, 4, 5}));
    ByteBuf out = Unpooled.directBuffer();
    try {
      bufs.encrypt(composite, out);
      byte[] actual = new byte[out.readableBytes()];
      out.getBytes(0, actual);
      assertThat(actual).isEqualTo(expected);
      assertThat(composite.readableBytes()).isEqualTo(5);
    } finally {
      composite.release();
      out.release();
    }
  }
}
