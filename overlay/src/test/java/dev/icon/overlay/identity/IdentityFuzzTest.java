package dev.icon.overlay.identity;

import static dev.icon.overlay.identity.SpecVectors.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Fuzz harness for every decoder of untrusted identity input: it either decodes or throws
 * IdentityException, never anything else. Inputs are random bytes plus mutated spec vectors, so
 * the deeper key-decoding paths are reached too.
 */
class IdentityFuzzTest {

  private static final String[] VALID = {
    SpecVectors.ED25519_PUBLIC, SpecVectors.SECP256K1_PUBLIC, SpecVectors.ECDSA_PUBLIC,
    SpecVectors.ED25519_PRIVATE, SpecVectors.SECP256K1_PRIVATE, "0024" + SpecVectors.ED25519_PUBLIC,
  };

  @Property(tries = 3000)
  void arbitraryBytesDecodeOrThrowIdentityException(@ForAll("inputs") byte[] input) {
    expectOnlyIdentityException(() -> PeerId.fromBytes(input).extractPublicKey());
    expectOnlyIdentityException(() -> {
      PublicKey key = PublicKey.fromProtobuf(input);
      assertThat(key.verify(input, input)).isFalse();
    });
    expectOnlyIdentityException(() -> PrivateKey.fromProtobuf(input));
  }

  @Property(tries = 3000)
  void arbitraryTextParsesOrThrowsIdentityException(@ForAll("texts") String text) {
    expectOnlyIdentityException(() -> assertThat(PeerId.parse(text).toBase58()).isNotEmpty());
  }

  @Provide
  Arbitrary<byte[]> inputs() {
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(120);
    Arbitrary<byte[]> mutated = Arbitraries.integers().between(0, VALID.length - 1)
        .flatMap(i -> {
          byte[] valid = bytes(VALID[i]);
          return Arbitraries.integers().between(0, valid.length - 1).flatMap(pos ->
              Arbitraries.bytes().map(b -> mutate(valid, pos, b)));
        });
    return Arbitraries.oneOf(random, mutated);
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> anything = Arbitraries.strings().ofMaxLength(70);
    Arbitrary<String> nearPeerIds = Arbitraries.of(SpecVectors.ED25519_PEER,
            SpecVectors.ED25519_CID, SpecVectors.RSA_PEER, SpecVectors.SECP256K1_CID)
        .flatMap(s -> Arbitraries.integers().between(0, s.length()).flatMap(cut ->
            Arbitraries.chars().alpha().numeric().map(c -> s.substring(0, cut) + c)));
    return Arbitraries.oneOf(anything, nearPeerIds);
  }

  private static byte[] mutate(byte[] valid, int pos, byte value) {
    byte[] copy = Arrays.copyOf(valid, value < 0 ? pos + 1 : valid.length);
    copy[pos] = value;
    return copy;
  }

  private static void expectOnlyIdentityException(Runnable decode) {
    try {
      decode.run();
    } catch (IdentityException expected) {
      // the only failure allowed
    }
  }

  @Property(tries = 100)
  void generatedKeysRoundTripThroughEveryForm(@ForAll @Size(32) byte[] seed) {
    PrivateKey key = PrivateKey.fromProtobuf(privateOf(seed));
    PeerId id = key.publicKey().peerId();

    assertThat(PeerId.parse(id.toBase58())).isEqualTo(id);
    assertThat(PeerId.parse(id.toCid())).isEqualTo(id);
    assertThat(id.extractPublicKey()).contains(key.publicKey());
    assertThat(key.publicKey().verify(seed, key.sign(seed))).isTrue();
  }

  private static byte[] privateOf(byte[] seed) {
    byte[] pub = new org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters(seed, 0)
        .generatePublicKey().getEncoded();
    byte[] data = Arrays.copyOf(seed, 64);
    System.arraycopy(pub, 0, data, 32, 32);
    return dev.icon.proto.libp2p.crypto.PrivateKey.newBuilder()
        .setType(dev.icon.proto.libp2p.crypto.KeyType.Ed25519)
        .setData(com.google.protobuf.ByteString.copyFrom(data))
        .build().toByteArray();
  }
}
