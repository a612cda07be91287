package dev.icon.gossip.api;

/**
 * A synchronous application validator, run on the router thread after the signature check and
 * before delivery and forwarding. It must be quick; use {@link AsyncTopicValidator} for anything
 * that waits. An exception counts as {@link ValidationResult#REJECT}.
 */
@FunctionalInterface
public interface TopicValidator {

  /** The verdict on {@code message}. */
  ValidationResult validate(GossipMessage message);
}
