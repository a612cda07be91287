package dev.icon.tomography.share;

import java.util.Objects;

/** A topology delta that cannot be encoded or decoded, with the reason as an enum. */
public final class TopologyShareException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final TopologyShareError error;

  /** {@code message} should name the field or entry at fault. */
  public TopologyShareException(TopologyShareError error, String message) {
    super(error + ": " + message);
    this.error = Objects.requireNonNull(error, "error");
  }

  /** Why. */
  public TopologyShareError error() {
    return error;
  }
}
