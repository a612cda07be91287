package dev.icon.gossip.core;

import dev.icon.gossip.api.MessageId;
import dev.icon.overlay.identity.PeerId;

/**
 * The router's event seam, for the public listener API and metrics. Called on the router's
 * executor; implementations must not block nor call back into the router synchronously. Every
 * method has an empty default.
 */
public interface GossipRouterListener {

  /** A listener that ignores everything. */
  GossipRouterListener NONE = new GossipRouterListener() {};

  /** {@code peer} entered our mesh of {@code topic}. */
  default void grafted(String topic, PeerId peer) {}

  /** {@code peer} left our mesh of {@code topic}, for whatever reason. */
  default void pruned(String topic, PeerId peer) {}

  /** A score refresh moved {@code peer}'s score. */
  default void scoreChanged(PeerId peer, double before, double after) {}

  /**
   * {@code peer} announced (or withdrew) a subscription to {@code topic}. Only announcements that
   * changed what the router tracks (limits may drop some); a disconnect is not reported here.
   */
  default void peerSubscription(String topic, PeerId peer, boolean subscribed) {}

  /**
   * A first-seen message passed every check and was delivered to the application; {@code size} is
   * the payload's length in bytes.
   */
  default void delivered(String topic, MessageId id, int size, PeerId receivedFrom) {}

  /** A message we had already seen arrived again. */
  default void duplicate(String topic, PeerId receivedFrom) {}

  /**
   * A message was rejected; {@code reason} is one of "too-large", "invalid-signature",
   * "missing-signature", "unexpected-signature", "unidentifiable" (signature policy and message
   * size, only the sender pays), "validation" (a validator said REJECT) and "validator-error" (it
   * threw or failed); the last two penalize the sender and the peers that sent it meanwhile.
   */
  default void rejected(String topic, PeerId receivedFrom, String reason) {}

  /**
   * A message was ignored: a validator said IGNORE, its validation timed out, or too many were
   * pending. Nobody is penalized.
   */
  default void ignored(String topic, PeerId receivedFrom) {}

  /** We published a message to {@code recipients} peers. */
  default void published(String topic, MessageId id, int recipients) {}
}
