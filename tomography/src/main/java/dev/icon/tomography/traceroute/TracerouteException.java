package dev.icon.tomography.traceroute;

import java.util.Objects;

/** A failed traceroute run or unparseable output, with the {@link TracerouteError} saying why. */
public final class TracerouteException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final TracerouteError error;

  /** An exception for {@code error} with a human-readable reason. */
  public TracerouteException(TracerouteError error, String message) {
    super(message);
    this.error = Objects.requireNonNull(error, "error");
  }

  /** An exception for {@code error} with a reason and a cause. */
  public TracerouteException(TracerouteError error, String message, Throwable cause) {
    super(message, cause);
    this.error = Objects.requireNonNull(error, "error");
  }

  /** The reason, as an enum. */
  public TracerouteError error() {
    return error;
  }

  @Override
  public String getMessage() {
    return error + ": " + super.getMessage();
  }
}
