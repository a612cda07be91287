package dev.icon.overlay.varint;

/**
 * A malformed, non-minimal, truncated or too large unsigned varint. Unchecked: the caller decides
 * whether it is a stream or connection error (it closes whatever the bytes came on).
 */
public final class VarintException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message naming what was wrong. */
  public VarintException(String message) {
    super(message);
  }
}
