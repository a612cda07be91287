package dev.icon.overlay.noise;

/**
 * A Noise failure. Always a connection error: the handler that raises it closes only the
 * connection it occurred on and logs the reason.
 */
public final class NoiseException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final NoiseError error;

  /** Creates an exception for {@code error} with a human-readable detail message. */
  public NoiseException(NoiseError error, String message) {
    super(error + ": " + message);
    this.error = error;
  }

  /** Creates an exception for {@code error} caused by {@code cause}. */
  public NoiseException(NoiseError error, String message, Throwable cause) {
    super(error + ": " + message, cause);
    this.error = error;
  }

  /** The error kind. */
  public NoiseError error() {
    return error;
  }

  /** Noise errors always affect the whole connection. */
  public boolean isConnectionError() {
    return true;
  }

  /** Finds a NoiseException in {@code t}'s cause chain (Netty wraps decoder failures), or null. */
  static NoiseException find(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof NoiseException ne) {
        return ne;
      }
    }
    return null;
  }
}
