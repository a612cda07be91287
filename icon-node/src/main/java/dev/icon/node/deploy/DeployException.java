package dev.icon.node.deploy;

import java.util.Objects;

/** A failed transfer, with its {@link DeployError} and a reason for logs and users. */
public final class DeployException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final DeployError error;

  /** An exception of kind {@code error}. */
  public DeployException(DeployError error, String message) {
    this(error, message, null);
  }

  /** An exception of kind {@code error} caused by {@code cause}. */
  public DeployException(DeployError error, String message, Throwable cause) {
    super(error + ": " + message, cause);
    this.error = Objects.requireNonNull(error, "error");
  }

  /** What went wrong. */
  public DeployError error() {
    return error;
  }
}
