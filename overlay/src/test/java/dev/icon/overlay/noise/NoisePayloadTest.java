package dev.icon.overlay.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.overlay.identity.PublicKey;
import dev.icon.proto.libp2p.crypto.KeyType;
import dev.icon.proto.libp2p.noise.NoiseHandshakePayload;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NoisePayloadTest {

  private static final byte[] STATIC = X25519.generate(HandshakeStateTest.seeded(1)).publicKey();
  private static final byte[] OTHER_STATIC = X25519.generate(HandshakeStateTest.seeded(2)).publicKey();

  @Test
  void roundTripCarriesKeyPeerIdAndMuxers() {
    PrivateKey key = PrivateKey.generateEd25519();
    byte[] encoded = NoisePayload.create(key, STATIC, List.of("/yamux/1.0.0", "/mplex/6.7.0"));
    NoisePayload payload = NoisePayload.verify(encoded, STATIC);
    assertThat(payload.identityKey()).isEqualTo(key.publicKey());
    assertThat(payload.peerId()).isEqualTo(key.publicKey().peerId());
    assertThat(payload.streamMuxers()).containsExactly("/yamux/1.0.0", "/mplex/6.7.0");
  }

  @Test
  void noMuxersMeansNoExtensions() throws Exception {
    byte[] encoded = NoisePayload.create(PrivateKey.generateEd25519(), STATIC, List.of());
    assertThat(NoiseHandshakePayload.parseFrom(encoded).hasExtensions()).isFalse();
    assertThat(NoisePayload.verify(encoded, STATIC).streamMuxers()).isEmpty();
  }

  @Test
  void signatureOverAnotherStaticKeyIsRejected() {
    byte[] encoded = NoisePayload.create(PrivateKey.generateEd25519(), OTHER_STATIC, List.of());
    expect(encoded, NoiseError.BAD_SIGNATURE);
  }

  @Test
  void missingFieldsAreMalformed() {
    byte[] keyOnly = NoiseHandshakePayload.newBuilder()
        .setIdentityKey(ByteString.copyFrom(PrivateKey.generateEd25519().publicKey().toProtobuf())).build().toByteArray();
    expect(keyOnly, NoiseError.MALFORMED_PAYLOAD);
    expect(new byte[0], NoiseError.MALFORMED_PAYLOAD);
  }

  @Test
  void undecodableIdentityKeyIsMalformed() {
    byte[] bad = NoiseHandshakePayload.newBuilder().setIdentityKey(ByteString.copyFrom(new byte[] {8, 1, 18, 3, 1, 2, 3}))
        .setIdentitySig(ByteString.copyFrom(new byte[64])).build().toByteArray();
    expect(bad, NoiseError.MALFORMED_PAYLOAD);
  }

  static Stream<Arguments> jdkKeys() {
    return Stream.of(
        Arguments.of(KeyType.ECDSA, "EC", 256, "SHA256withECDSA"),
        Arguments.of(KeyType.RSA, "RSA", 2048, "SHA256withRSA"));
  }

  /** Remote identity keys of other types (verified through the identity package) are accepted. */
  @ParameterizedTest
  @MethodSource("jdkKeys")
  void otherKeyTypesVerify(KeyType type, String algorithm, int size, String signatureAlgorithm) throws Exception {
    KeyPairGenerator gen = KeyPairGenerator.getInstance(algorithm);
    gen.initialize(size);
    KeyPair jdk = gen.generateKeyPair();
    byte[] proto = dev.icon.proto.libp2p.crypto.PublicKey.newBuilder().setType(type)
        .setData(ByteString.copyFrom(jdk.getPublic().getEncoded())).build().toByteArray();
    PublicKey pub = PublicKey.fromProtobuf(proto);
    PrivateKey signer = new PrivateKey() {
      @Override
      public byte[] sign(byte[] data) {
        try {
          Signature s = Signature.getInstance(signatureAlgorithm);
          s.initSign(jdk.getPrivate());
          s.update(data);
          return s.sign();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }

      @Override
      public PublicKey publicKey() {
        return pub;
      }

      @Override
      public byte[] toProtobuf() {
        throw new UnsupportedOperationException();
      }
    };
    NoisePayload payload = NoisePayload.verify(NoisePayload.create(signer, STATIC, List.of()), STATIC);
    assertThat(payload.peerId()).isEqualTo(pub.peerId());
    expect(NoisePayload.create(signer, OTHER_STATIC, List.of()), NoiseError.BAD_SIGNATURE);
  }

  static Stream<Arguments> selections() {
    return Stream.of(
        Arguments.of(List.of("/yamux/1.0.0"), List.of("/yamux/1.0.0"), Optional.of("/yamux/1.0.0")),
        Arguments.of(List.of("/yamux/1.0.0", "/mplex/6.7.0"), List.of("/mplex/6.7.0", "/yamux/1.0.0"), Optional.of("/yamux/1.0.0")),
        Arguments.of(List.of("/mplex/6.7.0", "/yamux/1.0.0"), List.of("/yamux/1.0.0"), Optional.of("/yamux/1.0.0")),
        Arguments.of(List.of(), List.of("/yamux/1.0.0"), Optional.empty()),
        Arguments.of(List.of("/yamux/1.0.0"), List.of(), Optional.empty()),
        Arguments.of(List.of("/a"), List.of("/b"), Optional.empty()));
  }

  @ParameterizedTest
  @MethodSource("selections")
  void muxerIsTheInitiatorsFirstThatTheResponderSupports(List<String> initiator, List<String> responder, Optional<String> chosen) {
    assertThat(NoisePayload.selectMuxer(initiator, responder)).isEqualTo(chosen);
  }

  static Stream<byte[]> arbitraryPayloads() {
    Random r = new Random(11);
    return IntStream.range(0, 1000).mapToObj(n -> {
      if (n % 2 == 0) {
        byte[] b = new byte[r.nextInt(300)];
        r.nextBytes(b);
        return b;
      }
      // a well-formed protobuf with arbitrary key and signature bytes
      byte[] key = new byte[r.nextInt(80)];
      byte[] sig = new byte[r.nextInt(80)];
      r.nextBytes(key);
      r.nextBytes(sig);
      if (n % 4 == 1 && key.length > 2) {
        key[0] = 8; // field 1 (type) varint
        key[1] = (byte) r.nextInt(4);
      }
      return NoiseHandshakePayload.newBuilder().setIdentityKey(ByteString.copyFrom(key))
          .setIdentitySig(ByteString.copyFrom(sig)).build().toByteArray();
    });
  }

  /** Fuzz: arbitrary payload bytes end in a NoiseException and nothing else. */
  @ParameterizedTest
  @MethodSource("arbitraryPayloads")
  void arbitraryPayloadsFailWithNoiseException(byte[] payload) {
    assertThatThrownBy(() -> NoisePayload.verify(payload, STATIC)).isInstanceOf(NoiseException.class);
  }

  private static void expect(byte[] payload, NoiseError error) {
    assertThatThrownBy(() -> NoisePayload.verify(payload, STATIC))
        .isInstanceOfSatisfying(NoiseException.class, e -> assertThat(e.error()).isEqualTo(error));
  }
}
