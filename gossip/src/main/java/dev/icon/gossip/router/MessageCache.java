package dev.icon.gossip.router;

import dev.icon.gossip.api.MessageId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The gossipsub message cache ("mcache"): full messages of the last {@code mcacheLength}
 * heartbeat windows, to answer IWANT, of which the last {@code mcacheGossip} windows are advertised
 * in IHAVE. The router calls {@link #shift()} once per heartbeat, which drops the oldest window.
 *
 * <p>Also counts, per message and per requesting peer, how often the message was served in answer
 * to IWANT; past {@code gossipRetransmission} (spec v1.1: 3) further requests from that peer for
 * that message are refused, so IWANT spam cannot drain resources.
 *
 * <p>Not thread-safe: owned by the router's single event loop. It holds references to the cached
 * message objects; if {@code T} is reference counted, the caller must retain what it puts and
 * release what {@link #shift()} evicts (returned for that purpose).
 *
 * @param <P> peer key type (e.g. {@code PeerId})
 * @param <T> cached message type
 */
public final class MessageCache<P, T> {

  private final int gossipWindows;
  private final int retransmissionLimit;
  private final Map<MessageId, Entry<P, T>> entries = new HashMap<>();
  // Newest window first; each maps topic to the ids added to it during that heartbeat.
  private final ArrayDeque<Map<String, List<MessageId>>> windows = new ArrayDeque<>();

  /**
   * @param historyLength windows kept ({@code mcache_len}), at least 1
   * @param gossipWindows newest windows advertised ({@code mcache_gossip}), at most historyLength
   * @param retransmissionLimit IWANT answers per peer per message, at least 1
   */
  public MessageCache(int historyLength, int gossipWindows, int retransmissionLimit) {
    if (historyLength < 1 || gossipWindows < 0 || gossipWindows > historyLength) {
      throw new IllegalArgumentException(
          "need 0 <= gossipWindows <= historyLength, historyLength >= 1: " + gossipWindows + ", " + historyLength);
    }
    if (retransmissionLimit < 1) {
      throw new IllegalArgumentException("retransmissionLimit must be >= 1: " + retransmissionLimit);
    }
    this.gossipWindows = gossipWindows;
    this.retransmissionLimit = retransmissionLimit;
    for (int i = 0; i < historyLength; i++) {
      windows.addLast(new LinkedHashMap<>());
    }
  }

  /** A cache sized by {@code config}'s mcacheLength, mcacheGossip and gossipRetransmission. */
  public static <P, T> MessageCache<P, T> create(GossipConfig config) {
    return new MessageCache<>(config.mcacheLength(), config.mcacheGossip(), config.gossipRetransmission());
  }

  /**
   * Adds a message to the current window.
   *
   * @return false (and nothing changes) if the id is already cached
   */
  public boolean put(MessageId id, String topic, T message) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(message, "message");
    if (entries.containsKey(id)) {
      return false;
    }
    entries.put(id, new Entry<>(topic, message));
    windows.peekFirst().computeIfAbsent(topic, t -> new ArrayList<>()).add(id);
    return true;
  }

  /** The cached message, without counting a retransmission. */
  public Optional<T> get(MessageId id) {
    Entry<P, T> e = entries.get(id);
    return e == null ? Optional.empty() : Optional.of(e.message);
  }

  /** The topic a cached message was published to. */
  public Optional<String> topic(MessageId id) {
    Entry<P, T> e = entries.get(id);
    return e == null ? Optional.empty() : Optional.of(e.topic);
  }

  /** Whether the id is cached. */
  public boolean contains(MessageId id) {
    return entries.containsKey(id);
  }

  /**
   * Serves an IWANT from {@code peer}: counts the request and returns the message while the
   * peer's count for this message is within the retransmission limit.
   *
   * @return the message, or empty if not cached or the peer has exhausted its retransmissions
   */
  public Optional<T> getForIwant(MessageId id, P peer) {
    Objects.requireNonNull(peer, "peer");
    Entry<P, T> e = entries.get(id);
    if (e == null) {
      return Optional.empty();
    }
    int count = e.iwantCounts.merge(peer, 1, Integer::sum);
    return count > retransmissionLimit ? Optional.empty() : Optional.of(e.message);
  }

  /** How many times {@code peer} asked for {@code id} via IWANT (0 if never or not cached). */
  public int iwantCount(MessageId id, P peer) {
    Entry<P, T> e = entries.get(id);
    return e == null ? 0 : e.iwantCounts.getOrDefault(peer, 0);
  }

  /** Ids of {@code topic} in the newest mcacheGossip windows, newest window first. */
  public List<MessageId> getGossipIds(String topic) {
    List<MessageId> out = new ArrayList<>();
    Iterator<Map<String, List<MessageId>>> it = windows.iterator();
    for (int i = 0; i < gossipWindows && it.hasNext(); i++) {
      List<MessageId> ids = it.next().get(topic);
      if (ids != null) {
        out.addAll(ids);
      }
    }
    return out;
  }

  /**
   * Heartbeat step: drops the oldest window and opens a new current one.
   *
   * @return the evicted messages, so a caller holding reference-counted messages can release them
   */
  public List<T> shift() {
    Map<String, List<MessageId>> oldest = windows.removeLast();
    windows.addFirst(new LinkedHashMap<>());
    if (oldest.isEmpty()) {
      return Collections.emptyList();
    }
    List<T> evicted = new ArrayList<>();
    for (List<MessageId> ids : oldest.values()) {
      for (MessageId id : ids) {
        Entry<P, T> e = entries.remove(id);
        if (e != null) {
          evicted.add(e.message);
        }
      }
    }
    return evicted;
  }

  /** Number of cached messages. */
  public int size() {
    return entries.size();
  }

  private static final class Entry<P, T> {
    final String topic;
    final T message;
    final Map<P, Integer> iwantCounts = new HashMap<>(2);

    Entry(String topic, T message) {
      this.topic = topic;
      this.message = message;
    }
  }
}
