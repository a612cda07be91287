package dev.icon.tomography.probe;

import java.util.Objects;

/** A probe or probe exchange failed; {@link #error()} says how. */
public final class ProbeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ProbeError error;

  /** A failure of kind {@code error} explained by {@code message}. */
  public ProbeException(ProbeError error, String message) {
    super(message);
    this.error = Objects.requireNonNull(error, "error");
  }

  /** A failure of kind {@code error} explained by {@code message}, caused by {@code cause}. */
  public ProbeException(ProbeError error, String message, Throwable cause) {
    super(message, cause);
    this.error = Objects.requireNonNull(error, "error");
  }

  /** What kind of failure. */
  public ProbeError error() {
    return error;
  }

  @Override
  public String getMessage() {
    return error + ": " + super.getMessage();
  }
}
