package dev.icon.node.cli.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Same definitions as the js interop peer's lib/stats.mjs, so summaries compare like for like. */
class StatsTest {

  private static double[] values(String csv) {
    return csv.isBlank() ? new double[0]
        : Arrays.stream(csv.split(" ")).mapToDouble(Double::parseDouble).toArray();
  }

  @ParameterizedTest
  @CsvSource({"'', 0", "'5', 5", "'3 1 2', 2", "'4 1 3 2', 2.5", "'10 10 10 1', 10"})
  void median(String csv, double expected) {
    assertThat(Stats.median(values(csv))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"'1 2 3 4 5 6 7 8 9 10', 90, 9", "'1 2 3 4 5 6 7 8 9 10', 100, 10",
      "'1 2 3 4 5 6 7 8 9 10', 0, 1", "'7', 90, 7", "'5 1', 50, 1", "'', 90, 0"})
  void nearestRankPercentile(String csv, double p, double expected) {
    assertThat(Stats.percentile(values(csv), p)).isEqualTo(expected);
  }
}
