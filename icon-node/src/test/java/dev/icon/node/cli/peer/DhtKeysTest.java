package dev.icon.node.cli.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Key text to bytes; the vectors are the js peer's too ({@code test/dht.test.mjs}). */
class DhtKeysTest {

  private static final String SHA256_OF_HELLO =
      "12202cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      // plain text: the sha2-256 multihash of its UTF-8 bytes
      "hello, " + SHA256_OF_HELLO,
      // a CIDv1 (raw, base32) of that multihash: the same key
      "bafkreibm6jg3ux5qumhcn2b3flc3tyu6dmlb4xa7u5bf44yegnrjhc4yeq, " + SHA256_OF_HELLO,
      // a CIDv0 is its multihash
      "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG, "
          + "12209d6c2be50f706953479ab9df2ce3edca90b68053c00b3004b7f0accbe1e8eedf",
      // looks like a CID but does not decode to one: hashed as text
      "bafkrei, 122023fe85b0b55af2bd22ee036abeda1c6dadb8bbba509ad7c71c0f2a3ca66fd1ba",
  })
  void providerKeysAreMultihashes(String text, String expectedHex) {
    assertThat(HexFormat.of().formatHex(DhtKeys.providerKey(text))).isEqualTo(expectedHex);
  }

  @Test
  void recordKeysAreIconTextOrPkWithTheMultihash() {
    PeerId id = PrivateKey.generateEd25519().publicKey().peerId();
    String icon = "/icon/" + id.toBase58() + "/a/b";
    assertThat(new String(DhtKeys.recordKey(icon), StandardCharsets.UTF_8)).isEqualTo(icon);
    byte[] pk = DhtKeys.recordKey("/pk/" + id.toBase58());
    assertThat(new String(pk, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("/pk/");
    assertThat(Arrays.copyOfRange(pk, 4, pk.length)).isEqualTo(id.toBytes());
    assertThat(DhtKeys.isPublicKeyKey("/pk/" + id.toBase58())).isTrue();
    assertThatThrownBy(() -> DhtKeys.recordKey("plain")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DhtKeys.recordKey("/pk/notapeer"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad peer id");
  }

  @Test
  void putSignsOnlyOurOwnRecords() {
    PeerId self = PrivateKey.generateEd25519().publicKey().peerId();
    PeerId other = PrivateKey.generateEd25519().publicKey().peerId();
    assertThat(DhtKeys.putName("name", self)).isEqualTo("name");
    assertThat(DhtKeys.putName("/icon/" + self.toBase58() + "/x/y", self)).isEqualTo("x/y");
    assertThatThrownBy(() -> DhtKeys.putName("/icon/" + other.toBase58() + "/x", self))
        .hasMessageContaining("only signs our own");
    assertThatThrownBy(() -> DhtKeys.putName("/pk/" + self.toBase58(), self))
        .hasMessageContaining("only signs our own");
  }
}
