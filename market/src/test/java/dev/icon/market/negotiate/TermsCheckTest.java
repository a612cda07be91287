package dev.icon.market.negotiate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The agreement total: ceil(price * units * duration / 1 h), exact in long or refused. */
class TermsCheckTest {

  @ParameterizedTest
  @CsvSource({
      "1000000, 1, 3600000, 1000000",
      "1000000, 2, 7200000, 4000000",
      "1000000, 1, 1, 1",
      "0, 5, 3600000, 0",
      "7, 3, 1800000, 11",
      "1, 1, 3599999, 1",
      "3600000, 1, 1, 1"
  })
  void maxTotalRoundsUp(long price, long units, long millis, long expected) {
    assertThat(TermsCheck.maxTotal(price, units, millis)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"9223372036854775807, 2, 7200000", "4611686018427387904, 4294967295, 3600000"})
  void maxTotalRefusesWhatOverflowsALong(long price, long units, long millis) {
    assertThatThrownBy(() -> TermsCheck.maxTotal(price, units, millis))
        .isInstanceOfSatisfying(NegotiateException.class,
            e -> assertThat(e.error()).isEqualTo(NegotiateError.MALFORMED));
  }
}
