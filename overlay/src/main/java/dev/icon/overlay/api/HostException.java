package dev.icon.overlay.api;

import java.util.Objects;

/** A failed host operation; {@link #error()} says why and what was affected. */
public final class HostException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final HostError error;

  /** Creates an exception for {@code error}. */
  public HostException(HostError error, String message) {
    this(error, message, null);
  }

  /** Creates an exception for {@code error} with an underlying cause. */
  public HostException(HostError error, String message, Throwable cause) {
    super(error + ": " + message, cause);
    this.error = Objects.requireNonNull(error, "error");
  }

  /** The machine-readable reason. */
  public HostError error() {
    return error;
  }
}
