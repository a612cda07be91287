package dev.icon.overlay.identity;

import static dev.icon.overlay.identity.SpecVectors.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.icon.proto.libp2p.crypto.KeyType;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.spec.RSAPublicKeySpec;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PublicKeyTest {

  private static final byte[] DATA = "libp2p-tls-handshake:payload".getBytes(StandardCharsets.UTF_8);

  interface VectorSigner {
    byte[] sign(byte[] data) throws Exception;
  }

  static Stream<Arguments> signers() {
    VectorSigner ed25519 = data -> PrivateKey.fromProtobuf(bytes(SpecVectors.ED25519_PRIVATE))
        .sign(data);
    return Stream.of(
        Arguments.of(KeyType.Ed25519, SpecVectors.ED25519_PUBLIC, ed25519),
        Arguments.of(KeyType.Secp256k1, SpecVectors.SECP256K1_PUBLIC,
            (VectorSigner) VectorSigners::signSecp256k1),
        Arguments.of(KeyType.ECDSA, SpecVectors.ECDSA_PUBLIC,
            (VectorSigner) VectorSigners::signEcdsa),
        Arguments.of(KeyType.RSA, SpecVectors.RSA_PUBLIC, (VectorSigner) VectorSigners::signRsa));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("signers")
  void verifiesSignaturesFromTheVectorPrivateKey(KeyType type, String publicHex,
      VectorSigner signer) throws Exception {
    PublicKey key = PublicKey.fromProtobuf(bytes(publicHex));
    byte[] signature = signer.sign(DATA);

    assertThat(key.type()).isEqualTo(type);
    assertThat(key.verify(DATA, signature)).isTrue();

    byte[] otherData = DATA.clone();
    otherData[0] ^= 1;
    assertThat(key.verify(otherData, signature)).isFalse();

    byte[] badSignature = signature.clone();
    badSignature[badSignature.length - 1] ^= 1;
    assertThat(key.verify(DATA, badSignature)).isFalse();
    assertThat(key.verify(DATA, new byte[0])).isFalse();
    assertThat(key.verify(DATA, new byte[] {0x30, 0x00})).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("signers")
  void reEncodesByteForByte(KeyType type, String publicHex, VectorSigner unused) {
    PublicKey key = PublicKey.fromProtobuf(bytes(publicHex));

    assertThat(key.toProtobuf()).isEqualTo(bytes(publicHex));
    assertThat(PublicKey.fromProtobuf(key.toProtobuf())).isEqualTo(key).hasSameHashCodeAs(key);
    assertThat(key.toString()).contains(key.peerId().toBase58());
  }

  @Test
  void uncompressedSecp256k1KeyIsKeptCompressedWithTheSamePeerId() throws Exception {
    byte[] uncompressed = VectorSigners.secp256k1Uncompressed();
    PublicKey key = PublicKey.fromProtobuf(protobuf(KeyType.Secp256k1, uncompressed));

    assertThat(uncompressed).hasSize(65);
    assertThat(key.raw()).hasSize(33);
    assertThat(key.peerId().toBase58()).isEqualTo(SpecVectors.SECP256K1_PEER);
    assertThat(key.verify(DATA, VectorSigners.signSecp256k1(DATA))).isTrue();
  }

  @Test
  void rsaVectorPrivateKeyYieldsTheVectorPublicKey() throws Exception {
    PublicKey key = PublicKey.fromProtobuf(bytes(SpecVectors.RSA_PUBLIC));

    assertThat(VectorSigners.rsaPublicPkix()).isEqualTo(key.raw());
  }

  @Test
  void rsaKeyUnder2048BitsIsRejected() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(1024);
    byte[] der = generator.generateKeyPair().getPublic().getEncoded();

    assertThatThrownBy(() -> PublicKey.fromProtobuf(protobuf(KeyType.RSA, der)))
        .isInstanceOfSatisfying(IdentityException.class,
            e -> assertThat(e.error()).isEqualTo(IdentityError.KEY_SIZE))
        .hasMessageContaining("1024 bits");
  }

  @Test
  void rsaKeyOver8192BitsIsRejected() throws Exception {
    BigInteger modulus = BigInteger.ONE.shiftLeft(8199).setBit(0);
    byte[] der = KeyFactory.getInstance("RSA")
        .generatePublic(new RSAPublicKeySpec(modulus, BigInteger.valueOf(65537)))
        .getEncoded();

    assertThatThrownBy(() -> PublicKey.fromProtobuf(protobuf(KeyType.RSA, der)))
        .isInstanceOfSatisfying(IdentityException.class,
            e -> assertThat(e.error()).isEqualTo(IdentityError.KEY_SIZE))
        .hasMessageContaining("8200 bits");
  }

  static Stream<Arguments> badKeys() {
    return Stream.of(
        Arguments.of("not a protobuf", "ff", IdentityError.MALFORMED_KEY),
        Arguments.of("type only", "0801", IdentityError.MALFORMED_KEY),
        Arguments.of("unknown type 9", "08091200", IdentityError.MALFORMED_KEY),
        Arguments.of("Ed25519 of 31 bytes",
            "0801121f" + "00".repeat(31), IdentityError.MALFORMED_KEY),
        Arguments.of("secp256k1 x not on curve",
            "0802122102" + "ff".repeat(32), IdentityError.INVALID_KEY),
        Arguments.of("secp256k1 bad prefix",
            "0802122105" + "77".repeat(32), IdentityError.MALFORMED_KEY),
        Arguments.of("ECDSA garbage DER", "080312023000", IdentityError.INVALID_KEY),
        Arguments.of("RSA garbage DER", "0800120401020304", IdentityError.INVALID_KEY));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badKeys")
  void invalidKeysAreRejectedWithTheirReason(String name, String hex, IdentityError error) {
    assertThatThrownBy(() -> PublicKey.fromProtobuf(SpecVectors.HEX.parseHex(hex)))
        .isInstanceOfSatisfying(IdentityException.class, e -> assertThat(e.error()).isEqualTo(error));
  }

  @Test
  void oversizedEncodingIsRejectedBeforeParsing() {
    assertThatThrownBy(() -> PublicKey.fromProtobuf(new byte[PublicKey.MAX_ENCODED_LENGTH + 1]))
        .isInstanceOfSatisfying(IdentityException.class,
            e -> assertThat(e.error()).isEqualTo(IdentityError.MALFORMED_KEY));
  }

  static byte[] protobuf(KeyType type, byte[] data) {
    return dev.icon.proto.libp2p.crypto.PublicKey.newBuilder()
        .setType(type)
        .setData(com.google.protobuf.ByteString.copyFrom(data))
        .build()
        .toByteArray();
  }
}
