package dev.icon.overlay.multibase;

/** Text that is not valid in the expected encoding; the message names the offending character. */
public final class MultibaseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message naming what was wrong. */
  public MultibaseException(String message) {
    super(message);
  }
}
