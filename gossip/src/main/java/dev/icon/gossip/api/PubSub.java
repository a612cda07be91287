package dev.icon.gossip.api;

import dev.icon.overlay.identity.PeerId;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Publish/subscribe over gossipsub on an overlay host: what applications program against.
 * Thread-safe; every method may be called from any thread. Handlers, validators and listeners are
 * called on the router's single thread, so they must return quickly and never block (hand long work
 * to an executor of your own, or use an {@link AsyncTopicValidator}).
 *
 * <p>Built with {@link GossipBuilder}: {@code PubSub pubsub = GossipBuilder.on(host).build();}.
 * Closing it leaves every topic, unregisters the protocols and stops the heartbeat; the host stays
 * up.
 */
public interface PubSub extends AutoCloseable {

  /** Our peer id: the {@code from} of our signed messages. */
  PeerId self();

  /**
   * Subscribes to {@code topic} and calls {@code handler} once for every first-seen message that
   * all validators accepted (our own messages are not delivered). Several handlers per topic are
   * fine; the topic stays subscribed until the last one is cancelled.
   *
   * @throws GossipException {@link GossipError#TOO_MANY_TOPICS} when the subscription limit is
   *     reached, {@link GossipError#CLOSED} after {@link #close()}
   */
  Subscription subscribe(String topic, MessageHandler handler);

  /**
   * Signs (under the configured signature policy) and sends {@code data} to {@code topic}; we need
   * not be subscribed. The future completes with the message id and the number of peers it was
   * sent to, or fails with a {@link GossipException}: {@link GossipError#MESSAGE_TOO_LARGE},
   * {@link GossipError#NO_PEERS} (unless publishing to nobody is allowed),
   * {@link GossipError#REJECTED} (one of our own validators refused it), {@link GossipError#CLOSED}.
   */
  CompletableFuture<PublishOutcome> publish(String topic, byte[] data);

  /** Adds a synchronous validator for {@code topic}; every validator of a topic must accept. */
  Registration addValidator(String topic, TopicValidator validator);

  /**
   * Adds an asynchronous validator for {@code topic}. The message is held (not delivered, not
   * forwarded) until the stage completes; a stage that does not complete within the configured
   * validation timeout counts as {@link ValidationResult#IGNORE}.
   */
  Registration addAsyncValidator(String topic, AsyncTopicValidator validator);

  /** Adds a listener for router events. */
  Registration addListener(GossipListener listener);

  /** Topics we are subscribed to (snapshot). */
  Set<String> topics();

  /** Peers in our mesh of {@code topic}, read on the router thread. */
  CompletableFuture<Set<PeerId>> meshPeers(String topic);

  /** Peers known to be subscribed to {@code topic}, read on the router thread. */
  CompletableFuture<Set<PeerId>> topicPeers(String topic);

  /** The score of {@code peer} (0 with scoring off or for an unknown peer). */
  CompletableFuture<Double> score(PeerId peer);

  /** Leaves all topics (PRUNE with unsubscribe backoff), unregisters the protocols. Idempotent. */
  @Override
  void close();
}
