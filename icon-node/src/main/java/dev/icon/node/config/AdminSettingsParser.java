package dev.icon.node.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Reads the {@code admin:} section and enforces its rule: a bind address that is not loopback
 * needs a token.
 */
final class AdminSettingsParser {

  /** Shorter tokens are refused: a token guards the node's admin API on a network. */
  static final int MIN_TOKEN_LENGTH = 16;

  private AdminSettingsParser() {}

  static AdminSettings parse(ConfigNode a, AdminSettings d) {
    String bind = NodeConfigParser.nonEmpty(a, "bind", d.bind());
    int port = (int) a.integer("port", d.port(), 0, 65535);
    Optional<String> token = Optional.ofNullable(a.string("token", null));
    a.finish();
    if (token.isPresent() && token.get().length() < MIN_TOKEN_LENGTH) {
      throw new ConfigException("admin.token", "must be at least " + MIN_TOKEN_LENGTH
          + " characters");
    }
    if (token.isPresent() && !token.get().chars().allMatch(c -> c > 32 && c < 127)) {
      throw new ConfigException("admin.token", "must be printable ASCII without spaces");
    }
    if (!isLoopback(bind) && token.isEmpty()) {
      throw new ConfigException("admin.token", "required when admin.bind (" + bind
          + ") is not a loopback address");
    }
    return new AdminSettings(bind, port, token);
  }

  /** Whether {@code bind} names only loopback addresses (unresolvable is an error). */
  static boolean isLoopback(String bind) {
    try {
      for (InetAddress a : InetAddress.getAllByName(bind)) {
        if (!a.isLoopbackAddress()) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException e) {
      throw new ConfigException("admin.bind", "unknown host '" + bind + "'");
    }
  }
}
