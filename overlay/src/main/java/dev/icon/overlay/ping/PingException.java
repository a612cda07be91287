package dev.icon.overlay.ping;

/** A failed ping; a stream error, the connection is unaffected. */
public final class PingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final PingError error;

  /** Creates an exception for {@code error}. */
  public PingException(PingError error, String message) {
    super(error + ": " + message);
    this.error = error;
  }

  /** The reason. */
  public PingError error() {
    return error;
  }
}
