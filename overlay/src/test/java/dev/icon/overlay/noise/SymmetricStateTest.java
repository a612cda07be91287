package dev.icon.overlay.noise;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SymmetricStateTest {

  @Test
  void protocolNameOfHashLengthIsUsedVerbatim() {
    SymmetricState ss = new SymmetricState(NoiseProtocol.PROTOCOL_NAME);
    byte[] name = NoiseProtocol.PROTOCOL_NAME.getBytes(StandardCharsets.US_ASCII);
    assertThat(name).hasSize(32);
    assertThat(ss.handshakeHash()).isEqualTo(name);
    assertThat(ss.chainingKey()).isEqualTo(name);
  }

  @Test
  void longProtocolNameIsHashed() throws Exception {
    String name = "Noise_XXpsk3_25519_ChaChaPoly_SHA256";
    SymmetricState ss = new SymmetricState(name);
    assertThat(ss.handshakeHash())
        .isEqualTo(MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void shortProtocolNameIsZeroPadded() {
    SymmetricState ss = new SymmetricState("Noise_NN");
    assertThat(Arrays.copyOf(ss.handshakeHash(), 8)).isEqualTo("Noise_NN".getBytes(StandardCharsets.US_ASCII));
    assertThat(Arrays.copyOfRange(ss.handshakeHash(), 8, 32)).containsOnly(0);
  }

  @Test
  void hkdfMatchesRfc5869TestCase3() {
    // RFC 5869 A.3: SHA-256, empty salt (an HMAC key of zeros), empty info.
    byte[] ikm = new byte[22];
    Arrays.fill(ikm, (byte) 0x0b);
    byte[] okm = HexFormat.of().parseHex(
        "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8");
    byte[][] out = new SymmetricState(NoiseProtocol.PROTOCOL_NAME).hkdf(new byte[32], ikm, 2);
    assertThat(out[0]).isEqualTo(Arrays.copyOf(okm, 32));
    assertThat(Arrays.copyOf(out[1], 10)).isEqualTo(Arrays.copyOfRange(okm, 32, 42));
  }

  @Test
  void mixHashChainsSha256() throws Exception {
    SymmetricState ss = new SymmetricState(NoiseProtocol.PROTOCOL_NAME);
    byte[] h0 = ss.handshakeHash();
    ss.mixHash(new byte[] {1, 2});
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    sha.update(h0);
    sha.update(new byte[] {1, 2});
    assertThat(ss.handshakeHash()).isEqualTo(sha.digest());
  }

  @Test
  void encryptAndHashIsPlaintextUntilKeyed() {
    SymmetricState a = new SymmetricState(NoiseProtocol.PROTOCOL_NAME);
    SymmetricState b = new SymmetricState(NoiseProtocol.PROTOCOL_NAME);
    assertThat(a.encryptAndHash(new byte[] {7})).containsExactly(7);
    assertThat(b.decryptAndHash(new byte[] {7})).containsExactly(7);
    a.mixKey(new byte[32]);
    b.mixKey(new byte[32]);
    byte[] ct = a.encryptAndHash(new byte[] {8});
    assertThat(ct).hasSize(17);
    assertThat(b.decryptAndHash(ct)).containsExactly(8);
    assertThat(a.handshakeHash()).isEqualTo(b.handshakeHash());
    CipherState[] sa = a.split();
    CipherState[] sb = b.split();
    assertThat(sb[0].decryptWithAd(new byte[0], sa[0].encryptWithAd(new byte[0], new byte[] {9}))).containsExactly(9);
    assertThat(sa[1].decryptWithAd(new byte[0], sb[1].encryptWithAd(new byte[0], new byte[] {10}))).containsExactly(10);
  }
}
