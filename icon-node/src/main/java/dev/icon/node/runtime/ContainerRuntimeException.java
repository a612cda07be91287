package dev.icon.node.runtime;

import java.util.Objects;

/** A failed {@link ContainerRuntime} operation, with the reason as an enum. */
public class ContainerRuntimeException extends RuntimeException {

  private final ContainerRuntimeError error;

  public ContainerRuntimeException(ContainerRuntimeError error, String message) {
    this(error, message, null);
  }

  public ContainerRuntimeException(ContainerRuntimeError error, String message, Throwable cause) {
    super(error + ": " + message, cause);
    this.error = Objects.requireNonNull(error, "error");
  }

  /** The reason. */
  public ContainerRuntimeError error() {
    return error;
  }
}
