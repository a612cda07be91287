package dev.icon.gossip.wire;

/**
 * A gossipsub wire failure carrying a {@link GossipWireError}. Unchecked. When raised by the
 * decoder it is a stream error: the codec has already closed the pubsub stream it arrived on.
 */
public final class GossipWireException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final GossipWireError error;

  /** Creates an exception of the given kind. */
  public GossipWireException(GossipWireError error, String message) {
    super(error + ": " + message);
    this.error = error;
  }

  /** Creates an exception of the given kind with a cause. */
  public GossipWireException(GossipWireError error, String message, Throwable cause) {
    super(error + ": " + message, cause);
    this.error = error;
  }

  /** What went wrong. */
  public GossipWireError error() {
    return error;
  }
}
