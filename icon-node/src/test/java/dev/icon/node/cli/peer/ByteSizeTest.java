package dev.icon.node.cli.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class ByteSizeTest {

  @ParameterizedTest
  @CsvSource({"0, 0", "4096, 4096", "64KiB, 65536", "256MiB, 268435456", "1GiB, 1073741824",
      "3 mib, 3145728", "12b, 12"})
  void parsesCountsWithBinarySuffixes(String text, long expected) {
    assertThat(new ByteSize().convert(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-1", "1.5MiB", "ten", "9999999999GiB", "4MB"})
  void rejectsWhatIsNotAByteCount(String text) {
    assertThatThrownBy(() -> new ByteSize().convert(text))
        .isInstanceOf(TypeConversionException.class);
  }
}
