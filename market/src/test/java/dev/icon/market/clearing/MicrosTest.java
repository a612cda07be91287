package dev.icon.market.clearing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Exact decimal <-> micro-unit conversion. */
class MicrosTest {

  @ParameterizedTest(name = "{0} = {1} micro-units")
  @CsvSource({
      "0, 0", "1, 1000000", "2.5, 2500000", "0.000001, 1", "12.340000, 12340000",
      "1e2, 100000000", "9223372036854.775807, 9223372036854775807",
  })
  void convertsExactlyBothWays(String decimal, long micros) {
    assertThat(Micros.parse("x", new BigDecimal(decimal))).isEqualTo(micros);
    assertThat(Micros.format(micros)).isEqualByComparingTo(new BigDecimal(decimal));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "0.0000001              | price has more than 6 decimals: 0.0000001",
      "-1                     | price must be >= 0, got -1",
      "9223372036854.775808   | price is too large: 9223372036854.775808",
      "1e300                  | price is too large",
      "1e999999999            | price is too large: 1E+999999999",
      "1e-999999999           | price has more than 6 decimals: 1E-999999999",
      "-1e-999999999          | price must be >= 0, got -1E-999999999",
      "100000000000000000000  | price is too large: 100000000000000000000",
  })
  @Timeout(5)
  void refusesWhatDoesNotFit(String decimal, String message) {
    assertThatThrownBy(() -> Micros.parse("price", new BigDecimal(decimal)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
  }

  @ParameterizedTest
  @CsvSource({"2500000, 2.5", "100000000, 100", "1, 0.000001", "0, 0"})
  void formatsWithoutTrailingZerosOrExponents(long micros, String text) {
    assertThat(Micros.format(micros).toPlainString()).isEqualTo(text);
    assertThat(Micros.format(micros).toString()).isEqualTo(text);
  }
}
