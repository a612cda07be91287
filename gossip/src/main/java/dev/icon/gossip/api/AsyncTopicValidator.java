package dev.icon.gossip.api;

import java.util.concurrent.CompletionStage;

/**
 * An asynchronous application validator: the message waits, neither delivered nor forwarded, until
 * the stage completes (or the validation timeout passes, which counts as
 * {@link ValidationResult#IGNORE}). A stage failing exceptionally counts as
 * {@link ValidationResult#REJECT}. Called on the router thread; the stage may complete on any.
 */
@FunctionalInterface
public interface AsyncTopicValidator {

  /** Starts validating {@code message}. */
  CompletionStage<ValidationResult> validate(GossipMessage message);
}
