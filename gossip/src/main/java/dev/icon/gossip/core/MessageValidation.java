package dev.icon.gossip.core;

import dev.icon.gossip.api.GossipMessage;
import dev.icon.gossip.api.ValidationResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The router's application-validation seam, run after the signature check on first-seen received
 * messages of our topics (the router does not run it on our own publishes: the binding validates
 * those before calling {@code publish}). A completed stage is applied at once; an incomplete one
 * parks the message until it completes, and the router then resumes on its executor (see
 * {@link GossipRouterHooks#executor()}). Throwing, or completing exceptionally, counts as REJECT;
 * a verdict later than {@link GossipRouterOptions#validationTimeout()} as IGNORE.
 *
 * <p>Threading: called on the router's executor; the stage may complete on any thread.
 */
@FunctionalInterface
public interface MessageValidation {

  /** Accepts everything. */
  MessageValidation ACCEPT_ALL = m -> CompletableFuture.completedFuture(ValidationResult.ACCEPT);

  /** The verdict on {@code message} (possibly later). */
  CompletionStage<ValidationResult> validate(GossipMessage message);
}
