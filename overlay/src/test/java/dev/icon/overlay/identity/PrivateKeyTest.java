package dev.icon.overlay.identity;

import static dev.icon.overlay.identity.SpecVectors.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.icon.proto.libp2p.crypto.KeyType;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PrivateKeyTest {

  private static final byte[] DATA = "hello".getBytes(StandardCharsets.UTF_8);

  @Test
  void specVectorLoadsAndYieldsTheSpecPublicKey() {
    PrivateKey key = PrivateKey.fromProtobuf(bytes(SpecVectors.ED25519_PRIVATE));

    assertThat(key.publicKey().toProtobuf()).isEqualTo(bytes(SpecVectors.ED25519_PUBLIC));
    assertThat(key.publicKey().peerId().toBase58()).isEqualTo(SpecVectors.ED25519_PEER);
    assertThat(key.toProtobuf()).isEqualTo(bytes(SpecVectors.ED25519_PRIVATE));
  }

  @Test
  void rfc8032TestVector1SignsAsPublished() {
    byte[] seed = bytes("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    byte[] pub = bytes("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    PrivateKey key = PrivateKey.fromProtobuf(privateProtobuf(concat(seed, pub)));

    assertThat(key.sign(new byte[0])).isEqualTo(bytes(
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"));
  }

  @Test
  void signaturesVerifyAndTamperingFails() {
    PrivateKey key = PrivateKey.fromProtobuf(bytes(SpecVectors.ED25519_PRIVATE));
    byte[] signature = key.sign(DATA);

    assertThat(signature).hasSize(64);
    assertThat(key.publicKey().verify(DATA, signature)).isTrue();
    assertThat(key.publicKey().verify("hellp".getBytes(StandardCharsets.UTF_8), signature))
        .isFalse();
    signature[10] ^= 0x40;
    assertThat(key.publicKey().verify(DATA, signature)).isFalse();
  }

  @Test
  void olderNinetySixByteFormIsAcceptedWhenBothPublicCopiesMatch() {
    byte[] data = dataOf(SpecVectors.ED25519_PRIVATE);
    byte[] legacy = concat(data, Arrays.copyOfRange(data, 32, 64));

    PrivateKey key = PrivateKey.fromProtobuf(privateProtobuf(legacy));

    assertThat(key.publicKey().peerId().toBase58()).isEqualTo(SpecVectors.ED25519_PEER);
    assertThat(key.toProtobuf()).isEqualTo(bytes(SpecVectors.ED25519_PRIVATE));
  }

  @Test
  void ninetySixByteFormWithDifferingPublicCopiesIsRejected() {
    byte[] data = dataOf(SpecVectors.ED25519_PRIVATE);
    byte[] copy = Arrays.copyOfRange(data, 32, 64);
    copy[0] ^= 1;

    assertThatThrownBy(() -> PrivateKey.fromProtobuf(privateProtobuf(concat(data, copy))))
        .isInstanceOfSatisfying(IdentityException.class,
            e -> assertThat(e.error()).isEqualTo(IdentityError.INVALID_KEY));
  }

  @Test
  void publicPartNotMatchingTheSeedIsRejected() {
    byte[] data = dataOf(SpecVectors.ED25519_PRIVATE);
    data[40] ^= 1;

    assertThatThrownBy(() -> PrivateKey.fromProtobuf(privateProtobuf(data)))
        .isInstanceOfSatisfying(IdentityException.class,
            e -> assertThat(e.error()).isEqualTo(IdentityError.INVALID_KEY))
        .hasMessageContaining("does not match");
  }

  @Test
  void wrongLengthsAndOtherKeyTypesAreRejected() {
    assertThatThrownBy(() -> PrivateKey.fromProtobuf(privateProtobuf(new byte[32])))
        .isInstanceOfSatisfying(IdentityException.class,
            e -> assertThat(e.error()).isEqualTo(IdentityError.MALFORMED_KEY));
    assertThatThrownBy(() -> PrivateKey.fromProtobuf(bytes(SpecVectors.SECP256K1_PRIVATE)))
        .isInstanceOfSatisfying(IdentityException.class,
            e -> assertThat(e.error()).isEqualTo(IdentityError.UNSUPPORTED_KEY_TYPE));
    assertThatThrownBy(() -> PrivateKey.fromProtobuf(new byte[] {(byte) 0xff}))
        .isInstanceOfSatisfying(IdentityException.class,
            e -> assertThat(e.error()).isEqualTo(IdentityError.MALFORMED_KEY));
  }

  @Test
  void generationIsDeterministicForASeededRandomAndRoundTrips() throws Exception {
    PrivateKey a = PrivateKey.generateEd25519(seeded(7));
    PrivateKey b = PrivateKey.generateEd25519(seeded(7));
    PrivateKey fresh = PrivateKey.generateEd25519();

    assertThat(a.toProtobuf()).isEqualTo(b.toProtobuf());
    assertThat(fresh.publicKey()).isNotEqualTo(a.publicKey());
    assertThat(PrivateKey.fromProtobuf(fresh.toProtobuf()).publicKey())
        .isEqualTo(fresh.publicKey());
    assertThat(fresh.publicKey().peerId().toBase58()).startsWith("12D3KooW");
  }

  @Test
  void toStringShowsNoSecret() {
    PrivateKey key = PrivateKey.fromProtobuf(bytes(SpecVectors.ED25519_PRIVATE));

    assertThat(key.toString()).contains(SpecVectors.ED25519_PEER).doesNotContain("7e0830617c");
  }

  static SecureRandom seeded(long seed) throws Exception {
    SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
    random.setSeed(seed);
    return random;
  }

  private static byte[] dataOf(String privateHex) {
    return Arrays.copyOfRange(bytes(privateHex), 4, bytes(privateHex).length);
  }

  private static byte[] privateProtobuf(byte[] data) {
    return dev.icon.proto.libp2p.crypto.PrivateKey.newBuilder()
        .setType(KeyType.Ed25519)
        .setData(ByteString.copyFrom(data))
        .build()
        .toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
