package dev.icon.overlay.identity;

/**
 * A failure decoding or using a key, peer id or key file. Unchecked; when it comes from a remote's
 * bytes (e.g. a handshake payload), the caller closes that connection.
 */
public final class IdentityException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final IdentityError error;

  /** Creates an exception of the given kind. */
  public IdentityException(IdentityError error, String message) {
    super(error + ": " + message);
    this.error = error;
  }

  /** Creates an exception of the given kind with a cause. */
  public IdentityException(IdentityError error, String message, Throwable cause) {
    super(error + ": " + message, cause);
    this.error = error;
  }

  /** What went wrong. */
  public IdentityError error() {
    return error;
  }
}
