package dev.icon.overlay.identity;

import static dev.icon.overlay.identity.SpecVectors.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.icon.overlay.multibase.Base58;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PeerIdTest {

  static Stream<Arguments> vectors() {
    return Stream.of(
        Arguments.of("Ed25519", SpecVectors.ED25519_PUBLIC, SpecVectors.ED25519_PEER,
            SpecVectors.ED25519_CID),
        Arguments.of("secp256k1", SpecVectors.SECP256K1_PUBLIC, SpecVectors.SECP256K1_PEER,
            SpecVectors.SECP256K1_CID),
        Arguments.of("ECDSA", SpecVectors.ECDSA_PUBLIC, SpecVectors.ECDSA_PEER,
            SpecVectors.ECDSA_CID),
        Arguments.of("RSA", SpecVectors.RSA_PUBLIC, SpecVectors.RSA_PEER, SpecVectors.RSA_CID));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void specKeyDerivesExpectedPeerIdInBothForms(String name, String keyHex, String base58,
      String cid) {
    PeerId id = PublicKey.fromProtobuf(bytes(keyHex)).peerId();

    assertThat(id.toBase58()).isEqualTo(base58);
    assertThat(id.toString()).isEqualTo(base58);
    assertThat(id.toCid()).isEqualTo(cid);
    assertThat(PeerId.parse(base58)).isEqualTo(id);
    assertThat(PeerId.parse(cid)).isEqualTo(id);
  }

  @Test
  void shortKeysAreInlinedWithTheIdentityMultihash() {
    PeerId id = PeerId.parse(SpecVectors.ED25519_PEER);

    assertThat(id.toBytes()).isEqualTo(bytes("0024" + SpecVectors.ED25519_PUBLIC));
    assertThat(Base58.encode(bytes("0024" + SpecVectors.ED25519_PUBLIC)))
        .isEqualTo(SpecVectors.ED25519_PEER);
    assertThat(id.extractPublicKey())
        .contains(PublicKey.fromProtobuf(bytes(SpecVectors.ED25519_PUBLIC)));
  }

  @Test
  void longKeysAreHashedWithSha256() {
    PeerId id = PeerId.parse(SpecVectors.RSA_PEER);

    assertThat(id.toBytes()).hasSize(34).startsWith(0x12, 0x20);
    assertThat(id.toBase58()).startsWith("Qm");
    assertThat(id.extractPublicKey()).isEmpty();
  }

  @Test
  void specExampleCidAndBase58NameTheSamePeer() {
    assertThat(PeerId.parse("bafzbeie5745rpv2m6tjyuugywy4d5ewrqgqqhfnf445he3omzpjbx5xqxe"))
        .isEqualTo(PeerId.parse("QmYyQSo1c1Ym7orWxLYvCrM2EmxFTANf8wXmmE7DWjhx5N"));
  }

  @Test
  void cidInOtherMultibasesIsAccepted() {
    PeerId id = PeerId.parse(SpecVectors.ED25519_PEER);
    byte[] cid = new byte[2 + id.toBytes().length];
    cid[0] = 1;
    cid[1] = 0x72;
    System.arraycopy(id.toBytes(), 0, cid, 2, id.toBytes().length);

    assertThat(PeerId.parse("z" + Base58.encode(cid))).isEqualTo(id);
    assertThat(PeerId.parse("f" + SpecVectors.HEX.formatHex(cid))).isEqualTo(id);
    assertThat(PeerId.parse(id.toCid().toUpperCase().replaceFirst("^B", "B"))).isEqualTo(id);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "12D3KooWBtg3aaRMjxwedh83aGiUkwSxDwUZkzuJcfaqUmo7R3p0", // '0' is not base58
      "QmYyQSo1c1Ym7orWxLYvCrM2EmxFTANf8wXmmE7DWjhx5", // truncated sha2-256 digest
      "bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi", // CID with dag-pb codec
      "xyz", // unknown multibase prefix
      "b", // empty CID
      "1", // a zero byte: no multihash length
  })
  void malformedTextIsRejected(String text) {
    assertThatThrownBy(() -> PeerId.parse(text))
        .isInstanceOfSatisfying(IdentityException.class,
            e -> assertThat(e.error()).isEqualTo(IdentityError.MALFORMED_PEER_ID));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "00", "0001", // truncated
      "1220aabb", // sha2-256 with a 2-byte digest
      "1321" + "00000000000000000000000000000000000000000000000000000000000000000000", // sha3
      "002b" + "00000000000000000000000000000000000000000000000000000000000000000000000000000000"
          + "000000", // identity multihash of 43 bytes
      "0001aabb", // trailing byte
  })
  void malformedBytesAreRejected(String hex) {
    assertThatThrownBy(() -> PeerId.fromBytes(SpecVectors.HEX.parseHex(hex)))
        .isInstanceOfSatisfying(IdentityException.class,
            e -> assertThat(e.error()).isEqualTo(IdentityError.MALFORMED_PEER_ID));
  }

  @Test
  void equalityHashAndOrderFollowTheBytes() {
    PeerId a = PeerId.parse(SpecVectors.ED25519_PEER);
    PeerId b = PeerId.parse(SpecVectors.ED25519_CID);
    PeerId rsa = PeerId.parse(SpecVectors.RSA_PEER);

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(rsa);
    assertThat(a.compareTo(b)).isZero();
    assertThat(a.compareTo(rsa)).isNegative(); // 0x00 < 0x12
    assertThat(rsa.compareTo(a)).isPositive();
  }

  @Test
  void toBytesReturnsACopy() {
    PeerId id = PeerId.parse(SpecVectors.ED25519_PEER);
    id.toBytes()[0] = 99;

    assertThat(id.toBytes()[0]).isZero();
  }
}
