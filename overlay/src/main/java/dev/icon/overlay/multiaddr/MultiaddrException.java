package dev.icon.overlay.multiaddr;

/**
 * An invalid or unsupported multiaddr. Unchecked; when the address came from a remote (identify,
 * DHT), the caller skips that address rather than failing the whole message.
 */
public final class MultiaddrException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final MultiaddrError error;

  /** Creates an exception of the given kind. */
  public MultiaddrException(MultiaddrError error, String message) {
    super(error + ": " + message);
    this.error = error;
  }

  /** Creates an exception of the given kind with a cause. */
  public MultiaddrException(MultiaddrError error, String message, Throwable cause) {
    super(error + ": " + message, cause);
    this.error = error;
  }

  /** What was wrong. */
  public MultiaddrError error() {
    return error;
  }
}
