package dev.icon.overlay.multibase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MultibaseTest {

  private static final HexFormat HEX = HexFormat.of();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "'', ''",
    "00, 1",
    "0000, 11",
    "61, 2g",
    "626262, a3gV",
    "636363, aPEr",
    "0000287fb4cd, 11233QC4",
    "48656c6c6f20576f726c6421, 2NEpo7TZRRrLZSi2U",
  })
  void base58KnownVectors(String hex, String text) {
    assertThat(Base58.encode(HEX.parseHex(hex))).isEqualTo(text);
    assertThat(HEX.formatHex(Base58.decode(text))).isEqualTo(hex);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "O", "I", "l", "abc+", "é"})
  void base58RejectsCharactersOutsideTheAlphabet(String text) {
    assertThatThrownBy(() -> Base58.decode(text)).isInstanceOf(MultibaseException.class)
        .hasMessageContaining("invalid base58 character");
  }

  @Test
  void base58RejectsOverlongText() {
    assertThatThrownBy(() -> Base58.decode("2".repeat(Base58.MAX_TEXT_LENGTH + 1)))
        .isInstanceOf(MultibaseException.class).hasMessageContaining("too long");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "'', ''", "f, my", "fo, mzxq", "foo, mzxw6", "foob, mzxw6yq", "fooba, mzxw6ytb",
    "foobar, mzxw6ytboi",
  })
  void base32Rfc4648VectorsLowercaseUnpadded(String plain, String text) {
    byte[] bytes = plain.getBytes(StandardCharsets.US_ASCII);

    assertThat(Base32.encode(bytes)).isEqualTo(text);
    assertThat(Base32.decode(text)).isEqualTo(bytes);
    assertThat(Base32.decode(text.toUpperCase())).isEqualTo(bytes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"m", "mzx", "mzxw6y", "my======", "m1", "m8", "mz"})
  void base32RejectsBadLengthsCharactersPaddingAndTrailingBits(String text) {
    assertThatThrownBy(() -> Base32.decode(text)).isInstanceOf(MultibaseException.class);
  }

  @Test
  void multibaseDispatchesOnThePrefix() {
    byte[] foo = "foo".getBytes(StandardCharsets.US_ASCII);

    assertThat(Multibase.decode("bmzxw6")).isEqualTo(foo);
    assertThat(Multibase.decode("BMZXW6")).isEqualTo(foo);
    assertThat(Multibase.decode("z" + Base58.encode(foo))).isEqualTo(foo);
    assertThat(Multibase.decode("f666f6f")).isEqualTo(foo);
    assertThat(Multibase.decode("mZm9v")).isEqualTo(foo);
    assertThat(Multibase.decode("u-_8")).isEqualTo(new byte[] {(byte) 0xfb, (byte) 0xff});
    assertThat(Multibase.encodeBase32(foo)).isEqualTo("bmzxw6");
    assertThat(Multibase.encodeBase64Url(new byte[] {(byte) 0xfb, (byte) 0xff})).isEqualTo("u-_8");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Qabc", "f666F6F", "f6", "Y", "uZm9v=", "u*", "mZm9v=="})
  void multibaseRejectsUnknownPrefixesAndBadBodies(String text) {
    assertThatThrownBy(() -> Multibase.decode(text)).isInstanceOf(MultibaseException.class);
  }
}
