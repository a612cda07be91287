package dev.icon.node.config;

/**
 * A configuration that cannot be used: the message starts with the key path at fault, e.g.
 * {@code provider.capacity.cpu_millis: must be > 0, was 0}.
 */
public final class ConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String key;

  /** An error at {@code key} (a dotted path; list items as {@code listen[1]}). */
  public ConfigException(String key, String problem) {
    super(key + ": " + problem);
    this.key = key;
  }

  /** The key path at fault. */
  public String key() {
    return key;
  }
}
