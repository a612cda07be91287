package dev.icon.gossip.core;

import dev.icon.gossip.api.MessageId;
import dev.icon.overlay.identity.PeerId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps the application's {@link GossipRouterListener} so that an exception thrown by it is logged
 * and swallowed: a faulty listener must not leave the router's state half-updated. Same thread as
 * the router.
 */
final class GuardedListener implements GossipRouterListener {
  private static final Logger log = LoggerFactory.getLogger(GuardedListener.class);
  private final GossipRouterListener delegate;

  private GuardedListener(GossipRouterListener delegate) {
    this.delegate = delegate;
  }

  static GossipRouterListener wrap(GossipRouterListener listener) {
    return listener == GossipRouterListener.NONE || listener instanceof GuardedListener
        ? listener
        : new GuardedListener(listener);
  }

  /** Runs {@code call}, logging instead of propagating what it throws. */
  static void guard(String event, Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      log.warn("gossip router hook {} threw; ignored", event, e);
    }
  }

  @Override
  public void grafted(String topic, PeerId peer) {
    guard("grafted", () -> delegate.grafted(topic, peer));
  }

  @Override
  public void pruned(String topic, PeerId peer) {
    guard("pruned", () -> delegate.pruned(topic, peer));
  }

  @Override
  public void scoreChanged(PeerId peer, double before, double after) {
    guard("scoreChanged", () -> delegate.scoreChanged(peer, before, after));
  }

  @Override
  public void peerSubscription(String topic, PeerId peer, boolean subscribed) {
    guard("peerSubscription", () -> delegate.peerSubscription(topic, peer, subscribed));
  }

  @Override
  public void delivered(String topic, MessageId id, int size, PeerId receivedFrom) {
    guard("delivered", () -> delegate.delivered(topic, id, size, receivedFrom));
  }

  @Override
  public void duplicate(String topic, PeerId receivedFrom) {
    guard("duplicate", () -> delegate.duplicate(topic, receivedFrom));
  }

  @Override
  public void rejected(String topic, PeerId receivedFrom, String reason) {
    guard("rejected", () -> delegate.rejected(topic, receivedFrom, reason));
  }

  @Override
  public void ignored(String topic, PeerId receivedFrom) {
    guard("ignored", () -> delegate.ignored(topic, receivedFrom));
  }

  @Override
  public void published(String topic, MessageId id, int recipients) {
    guard("published", () -> delegate.published(topic, id, recipients));
  }
}
