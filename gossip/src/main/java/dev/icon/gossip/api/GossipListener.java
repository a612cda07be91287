package dev.icon.gossip.api;

import dev.icon.overlay.identity.PeerId;

/**
 * Router events, called on the router thread (must not block). Every method has an empty default,
 * so implement only what you need.
 */
public interface GossipListener {

  /** {@code peer} joined our mesh of {@code topic} (we grafted it, or accepted its GRAFT). */
  default void grafted(String topic, PeerId peer) {}

  /** {@code peer} left our mesh of {@code topic} (PRUNE either way, unsubscribe or disconnect). */
  default void pruned(String topic, PeerId peer) {}

  /** {@code peer}'s score moved from {@code before} to {@code after} at a score refresh. */
  default void scoreChanged(PeerId peer, double before, double after) {}

  /** {@code peer} announced a subscription to {@code topic}. */
  default void peerSubscribed(String topic, PeerId peer) {}

  /** {@code peer} announced it left {@code topic}. */
  default void peerUnsubscribed(String topic, PeerId peer) {}
}
