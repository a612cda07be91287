package dev.icon.market.grant;

import java.util.Objects;

/** A refused budget grant; {@link #error()} says why. */
public final class GrantException extends RuntimeException {

  private final GrantError error;

  /** A refusal for {@code error}. */
  public GrantException(GrantError error, String message) {
    super(Objects.requireNonNull(error, "error") + ": " + message);
    this.error = error;
  }

  /** Why. */
  public GrantError error() {
    return error;
  }
}
