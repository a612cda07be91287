package dev.icon.gossip.api;

/**
 * One handler's subscription to a topic; {@link #close()} cancels it. The topic is left (PRUNE with
 * unsubscribe backoff, announced to peers) when its last subscription is cancelled.
 */
public interface Subscription extends Registration {

  /** The subscribed topic. */
  String topic();
}
