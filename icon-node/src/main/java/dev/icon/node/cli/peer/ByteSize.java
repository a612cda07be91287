package dev.icon.node.cli.peer;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses byte counts such as {@code 1048576}, {@code 64KiB}, {@code 256MiB} or {@code 1GiB}. */
final class ByteSize implements ITypeConverter<Long> {

  @Override
  public Long convert(String value) {
    String v = value.strip();
    String lower = v.toLowerCase(Locale.ROOT);
    long unit = 1;
    for (String[] suffix : new String[][] {{"kib", "10"}, {"mib", "20"}, {"gib", "30"}, {"b", "0"}}) {
      if (lower.endsWith(suffix[0])) {
        unit = 1L << Integer.parseInt(suffix[1]);
        v = v.substring(0, v.length() - suffix[0].length()).strip();
        break;
      }
    }
    try {
      long n = Long.parseLong(v);
      if (n < 0 || n > Long.MAX_VALUE / unit) {
        throw new TypeConversionException("byte count out of range: " + value);
      }
      return n * unit;
    } catch (NumberFormatException e) {
      throw new TypeConversionException("not a byte count (e.g. 4096, 64KiB, 256MiB): " + value);
    }
  }
}
