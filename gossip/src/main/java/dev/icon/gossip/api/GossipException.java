package dev.icon.gossip.api;

import java.util.Objects;

/** A pub/sub failure with a machine-readable {@link GossipError}. */
public final class GossipException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final GossipError error;

  /** An exception of kind {@code error} with a message saying what happened. */
  public GossipException(GossipError error, String message) {
    super(error + ": " + message);
    this.error = Objects.requireNonNull(error, "error");
  }

  /** The kind of failure. */
  public GossipError error() {
    return error;
  }
}
