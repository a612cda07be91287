package dev.icon.overlay.identify;

/** A failed identify exchange; a stream error. */
public final class IdentifyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final IdentifyError error;

  /** Creates an exception for {@code error}. */
  public IdentifyException(IdentifyError error, String message) {
    super(error + ": " + message);
    this.error = error;
  }

  /** The reason. */
  public IdentifyError error() {
    return error;
  }
}
