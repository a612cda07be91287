package dev.icon.node.config;

import java.util.Optional;

/**
 * The {@code admin:} section: where the admin HTTP API (status, metrics, health) listens. Loopback
 * by default; any other bind address requires {@code token}, and then every request must carry
 * {@code Authorization: Bearer <token>}. Immutable; {@link #toString()} never shows the token.
 *
 * @param bind the address to bind (an IP literal or a name)
 * @param port the TCP port; 0 picks a free one (printed in the {@code admin} event)
 * @param token the bearer token, at least 16 characters, or empty for none
 */
public record AdminSettings(String bind, int port, Optional<String> token) {

  /** The port {@code icon status} asks by default. */
  public static final int DEFAULT_PORT = 7710;

  /** 127.0.0.1:7710, no token. */
  public static AdminSettings defaults() {
    return new AdminSettings("127.0.0.1", DEFAULT_PORT, Optional.empty());
  }

  @Override
  public String toString() {
    return "AdminSettings[bind=" + bind + ", port=" + port + ", token="
        + (token.isPresent() ? "(set)" : "(none)") + "]";
  }
}
