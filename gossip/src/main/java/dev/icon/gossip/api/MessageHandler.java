package dev.icon.gossip.api;

/** Receives the messages of a subscription; called on the router thread, must not block. */
@FunctionalInterface
public interface MessageHandler {

  /** A first-seen message that every validator of its topic accepted. */
  void onMessage(GossipMessage message);
}
