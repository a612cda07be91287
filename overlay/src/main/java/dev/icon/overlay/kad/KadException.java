package dev.icon.overlay.kad;

import java.util.Objects;

/** A rejected Kademlia input or operation, with the {@link KadError} saying why and how far. */
public final class KadException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final KadError error;

  /** An exception for {@code error} with a human-readable reason. */
  public KadException(KadError error, String message) {
    super(message);
    this.error = Objects.requireNonNull(error, "error");
  }

  /** An exception for {@code error} with a reason and a cause. */
  public KadException(KadError error, String message, Throwable cause) {
    super(message, cause);
    this.error = Objects.requireNonNull(error, "error");
  }

  /** The reason, as an enum. */
  public KadError error() {
    return error;
  }

  @Override
  public String getMessage() {
    return error + ": " + super.getMessage();
  }
}
