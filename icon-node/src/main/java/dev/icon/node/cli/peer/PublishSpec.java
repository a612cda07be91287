package dev.icon.node.cli.peer;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * One {@code --publish TOPIC=TEXT}: split at the first {@code '='} (TEXT may contain more), the
 * topic must not be empty. Immutable.
 *
 * @param topic where to publish
 * @param text the payload, sent as UTF-8
 */
record PublishSpec(String topic, String text) {

  /** Parses {@code TOPIC=TEXT}; a value without {@code '='} or with an empty topic is refused. */
  static PublishSpec parse(String value) {
    int eq = value.indexOf('=');
    if (eq < 1) {
      throw new TypeConversionException("expected TOPIC=TEXT: '" + value + "'");
    }
    return new PublishSpec(value.substring(0, eq), value.substring(eq + 1));
  }

  /** The picocli converter for {@code --publish}. */
  static final class Converter implements ITypeConverter<PublishSpec> {
    @Override
    public PublishSpec convert(String value) {
      return parse(value);
    }
  }
}
