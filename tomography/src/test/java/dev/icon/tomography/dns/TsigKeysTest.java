package dev.icon.tomography.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.TSIG;

class TsigKeysTest {

  @Test
  void parsesNameAlgorithmAndSecret() {
    TSIG key = TsigKeys.parse("icon-update:HMAC-SHA256:c2VjcmV0c2VjcmV0");

    assertThat(key).isNotNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "icon-update:hmac-sha256          | NAME:ALG:SECRET",
      "::                               | NAME:ALG:SECRET",
      "k:hmac-sha999:c2VjcmV0           | TSIG algorithm 'hmac-sha999'",
      "k:hmac-sha256:not base64!        | not valid base64",
  })
  void rejectsMalformedKeysWithoutEchoingTheSecret(String text, String message) {
    assertThatThrownBy(() -> TsigKeys.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("not base64!"));
  }
}
