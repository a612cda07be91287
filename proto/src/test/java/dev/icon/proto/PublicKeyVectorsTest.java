package dev.icon.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.icon.proto.libp2p.crypto.KeyType;
import dev.icon.proto.libp2p.crypto.PrivateKey;
import dev.icon.proto.libp2p.crypto.PublicKey;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The generated key messages against the peer-ids spec's test vectors (libp2p/specs peer-ids.md). */
class PublicKeyVectorsTest {

  private static final HexFormat HEX = HexFormat.of();

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "Ed25519, 080112201ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e, 32",
    "Secp256k1, 08021221037777e994e452c21604f91de093ce415f5432f701dd8cd1a7a6fea0e630bfca99, 33",
    "ECDSA, 0803125b3059301306072a8648ce3d020106082a8648ce3d03010703420004de3d300fa36ae0e8f5d530899d83abab44abf3161f162a4bc901d8e6ecda020e8b6d5f8da30525e71d6851510c098e5c47c646a597fb4dcec034e9f77c409e62, 91",
  })
  void publicKeyRoundTripsByteForByte(KeyType type, String hex, int dataLength) throws Exception {
    byte[] wire = HEX.parseHex(hex);

    PublicKey key = PublicKey.parseFrom(wire);

    assertThat(key.getType()).isEqualTo(type);
    assertThat(key.getData().size()).isEqualTo(dataLength);
    assertThat(HEX.formatHex(key.toByteArray())).isEqualTo(hex);
  }

  @Test
  void builtKeyEncodesLikeTheSpec() {
    byte[] data = HEX.parseHex("1ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e");

    PublicKey key = PublicKey.newBuilder()
        .setType(KeyType.Ed25519)
        .setData(com.google.protobuf.ByteString.copyFrom(data))
        .build();

    assertThat(HEX.formatHex(key.toByteArray()))
        .isEqualTo("080112201ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e");
  }

  @Test
  void ed25519PrivateKeyVectorCarriesSeedThenPublicKey() throws Exception {
    PrivateKey key = PrivateKey.parseFrom(HEX.parseHex(
        "080112407e0830617c4a7de83925dfb2694556b12936c477a0e1feb2e148ec9da60fee7d"
            + "1ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e"));

    assertThat(key.getType()).isEqualTo(KeyType.Ed25519);
    assertThat(HEX.formatHex(key.getData().substring(32).toByteArray()))
        .isEqualTo("1ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e");
  }

  @Test
  void keyWithoutRequiredDataIsRejected() {
    byte[] typeOnly = HEX.parseHex("0801");

    assertThatThrownBy(() -> PublicKey.parseFrom(typeOnly))
        .isInstanceOf(InvalidProtocolBufferException.class)
        .hasMessageContaining("Data");
  }
}
