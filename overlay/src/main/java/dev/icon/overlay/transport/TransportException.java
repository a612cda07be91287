package dev.icon.overlay.transport;

/** A dial or listen failure of a transport; it affects only that dial or listener. */
public final class TransportException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates an exception with a cause (may be null). */
  public TransportException(String message, Throwable cause) {
    super(message, cause);
  }
}
