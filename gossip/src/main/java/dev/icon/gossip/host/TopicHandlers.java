package dev.icon.gossip.host;

import dev.icon.gossip.api.GossipMessage;
import dev.icon.gossip.api.MessageHandler;
import dev.icon.gossip.api.MessageId;
import dev.icon.gossip.core.GossipDelivery;
import dev.icon.overlay.identity.PeerId;
import dev.icon.proto.libp2p.pubsub.Message;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscription handlers per topic, reference-counted: {@link #add} reports whether the topic is
 * new (join it), {@link #remove} whether its last handler went (leave it). As the router's
 * {@link GossipDelivery} it calls every handler of the topic; a handler that throws is logged and
 * the others still run.
 *
 * <p>Threading: add/remove from any thread (callers serialise them per node); delivery on the
 * router thread. A handler removed before a delivery starts does not see it.
 */
final class TopicHandlers implements GossipDelivery {
  private static final Logger LOG = LoggerFactory.getLogger(TopicHandlers.class);
  private final Map<String, List<MessageHandler>> handlers = new ConcurrentHashMap<>();
  private final GossipMetrics metrics;

  TopicHandlers(GossipMetrics metrics) {
    this.metrics = metrics;
  }

  /** Adds {@code h}; true when {@code topic} had no handler before. */
  synchronized boolean add(String topic, MessageHandler h) {
    boolean fresh = !handlers.containsKey(topic);
    handlers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(h);
    return fresh;
  }

  /** Removes {@code h}; true when it was the topic's last handler. */
  synchronized boolean remove(String topic, MessageHandler h) {
    List<MessageHandler> list = handlers.get(topic);
    if (list == null || !list.remove(h)) {
      return false;
    }
    if (list.isEmpty()) {
      handlers.remove(topic);
      return true;
    }
    return false;
  }

  /** Number of subscribed topics. */
  int topicCount() {
    return handlers.size();
  }

  /** Subscribed topics (snapshot). */
  Set<String> topics() {
    return Set.copyOf(handlers.keySet());
  }

  /** Removes every handler and returns the topics that had some. */
  synchronized Set<String> clear() {
    Set<String> topics = topics();
    handlers.clear();
    return topics;
  }

  @Override
  public void deliver(String topic, Message msg, MessageId id, PeerId receivedFrom) {
    List<MessageHandler> list = handlers.get(topic);
    metrics.delivered.increment();
    if (list == null) {
      return;
    }
    GossipMessage m = toGossipMessage(msg, id, receivedFrom);
    for (MessageHandler h : list) {
      try {
        h.onMessage(m);
      } catch (RuntimeException e) {
        LOG.warn("message handler of {} failed on {}", topic, id, e);
      }
    }
  }

  /** The application's view of a wire message ({@code from}/{@code seqno} null when absent). */
  static GossipMessage toGossipMessage(Message msg, MessageId id, PeerId receivedFrom) {
    PeerId from = null;
    if (msg.hasFrom()) {
      try {
        from = PeerId.fromBytes(msg.getFrom().toByteArray());
      } catch (RuntimeException e) {
        from = null; // already signature-checked; an unparsable id cannot reach here under StrictSign
      }
    }
    byte[] seqno = msg.hasSeqno() ? msg.getSeqno().toByteArray() : null;
    return new GossipMessage(msg.getTopic(), from, msg.getData().toByteArray(), seqno, id,
        receivedFrom);
  }
}
