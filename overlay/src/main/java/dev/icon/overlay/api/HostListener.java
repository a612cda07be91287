package dev.icon.overlay.api;

import dev.icon.overlay.identity.PeerId;

/**
 * Host events. Threading: called on the event loop of the connection concerned, one event at a
 * time per connection; implementations must be quick and must not block. Exceptions thrown are
 * logged and ignored.
 */
public interface HostListener {

  /** A connection was established and registered (after security and muxer negotiation). */
  default void connected(Connection connection) {}

  /** A connection closed. */
  default void disconnected(Connection connection) {}

  /** Identify (or identify push) from {@code peer} was received, verified and stored. */
  default void identified(PeerId peer, PeerInfo info) {}
}
