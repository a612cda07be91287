package dev.icon.overlay.yamux;

/**
 * A Yamux failure. {@link #error()} says whether the connection or only one stream is affected
 * ({@link YamuxError#isConnectionError()}).
 */
public final class YamuxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final YamuxError error;

  /** Creates an exception for {@code error} with a human-readable reason. */
  public YamuxException(YamuxError error, String message) {
    super(error + ": " + message);
    this.error = error;
  }

  /** What went wrong and its blast radius. */
  public YamuxError error() {
    return error;
  }
}
