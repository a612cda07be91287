package dev.icon.node.tree;

import java.util.Objects;

/** A refused or failed tree exchange, with its {@link TreeError} and a reason. */
public final class TreeException extends RuntimeException {

  private final TreeError error;

  /** An exception for {@code error} saying {@code message}. */
  public TreeException(TreeError error, String message) {
    super(error + ": " + message);
    this.error = Objects.requireNonNull(error, "error");
  }

  /** What went wrong. */
  public TreeError error() {
    return error;
  }
}
