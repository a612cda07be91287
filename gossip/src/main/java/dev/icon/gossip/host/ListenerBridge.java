package dev.icon.gossip.host;

import dev.icon.gossip.api.GossipListener;
import dev.icon.gossip.api.Registration;
import dev.icon.gossip.core.GossipRouterListener;
import dev.icon.overlay.identity.PeerId;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router's event seam fanned out to the application's {@link GossipListener}s and the message
 * counters (duplicates, rejections by reason, ignores). Deliveries and publishes are counted where
 * they happen ({@link TopicHandlers}, {@link HostPubSub}), not here, so nothing counts twice.
 *
 * <p>Threading: events on the router thread; registration from any thread. A listener that throws
 * is logged and the others still run.
 */
final class ListenerBridge implements GossipRouterListener {
  private static final Logger LOG = LoggerFactory.getLogger(ListenerBridge.class);
  private final List<GossipListener> listeners = new CopyOnWriteArrayList<>();
  private final GossipMetrics metrics;

  ListenerBridge(GossipMetrics metrics) {
    this.metrics = metrics;
  }

  Registration add(GossipListener l) {
    listeners.add(Objects.requireNonNull(l, "listener"));
    return () -> listeners.remove(l);
  }

  @Override
  public void grafted(String topic, PeerId peer) {
    each(l -> l.grafted(topic, peer));
  }

  @Override
  public void pruned(String topic, PeerId peer) {
    each(l -> l.pruned(topic, peer));
  }

  @Override
  public void scoreChanged(PeerId peer, double before, double after) {
    each(l -> l.scoreChanged(peer, before, after));
  }

  @Override
  public void peerSubscription(String topic, PeerId peer, boolean subscribed) {
    each(l -> {
      if (subscribed) {
        l.peerSubscribed(topic, peer);
      } else {
        l.peerUnsubscribed(topic, peer);
      }
    });
  }

  @Override
  public void duplicate(String topic, PeerId receivedFrom) {
    metrics.duplicates.increment();
  }

  @Override
  public void rejected(String topic, PeerId receivedFrom, String reason) {
    metrics.rejected(reason);
  }

  @Override
  public void ignored(String topic, PeerId receivedFrom) {
    metrics.ignored.increment();
  }

  private void each(Consumer<GossipListener> call) {
    for (GossipListener l : listeners) {
      try {
        call.accept(l);
      } catch (RuntimeException e) {
        LOG.warn("gossip listener failed", e);
      }
    }
  }
}
