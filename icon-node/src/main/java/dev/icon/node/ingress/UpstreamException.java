package dev.icon.node.ingress;

import java.util.Objects;

/** A request the upstream did not answer; {@link #error()} says why and which status follows. */
public final class UpstreamException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient UpstreamError error;

  /** An exception for {@code error}, with a message for the client's error body. */
  public UpstreamException(UpstreamError error, String message, Throwable cause) {
    super(message, cause);
    this.error = Objects.requireNonNull(error, "error");
  }

  /** Why. */
  public UpstreamError error() {
    return error;
  }
}
