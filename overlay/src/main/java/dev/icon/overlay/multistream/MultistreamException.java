package dev.icon.overlay.multistream;

import java.util.Objects;

/**
 * A failed multistream-select negotiation. It is an error of the channel it ran on (connection or
 * stream, see {@link MultistreamError}); that channel is closed, nothing else is affected.
 */
public final class MultistreamException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final MultistreamError error;

  /** Creates an exception for {@code error} with a human-readable detail message. */
  public MultistreamException(MultistreamError error, String message) {
    super(error + ": " + message);
    this.error = Objects.requireNonNull(error, "error");
  }

  /** The machine-readable reason. */
  public MultistreamError error() {
    return error;
  }
}
