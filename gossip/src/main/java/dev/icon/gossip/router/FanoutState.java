package dev.icon.gossip.router;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Fanout peers of topics we publish to without being subscribed: per topic, the peers chosen to
 * receive our messages and the time of our last publish. A topic's fanout is forgotten
 * {@code fanoutTtl} (spec: 60 s) after its last publish, by {@link #expire()} at heartbeat.
 *
 * <p>Not thread-safe: owned by the router's event loop. Time comes from the injected monotonic
 * nanosecond clock. Returned sets are unmodifiable snapshots.
 *
 * @param <P> peer key type (e.g. {@code PeerId})
 */
public final class FanoutState<P> {

  private final long ttlNanos;
  private final LongSupplier nanoClock;
  private final Map<String, TopicFanout<P>> topics = new HashMap<>();

  /**
   * @param ttl time after the last publish at which a topic's fanout is dropped, positive
   * @param nanoClock monotonic clock in nanoseconds
   */
  public FanoutState(Duration ttl, LongSupplier nanoClock) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive: " + ttl);
    }
    this.ttlNanos = ttl.toNanos();
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
  }

  /** Fanout state with {@code config}'s fanoutTtl. */
  public static <P> FanoutState<P> create(GossipConfig config, LongSupplier nanoClock) {
    return new FanoutState<>(config.fanoutTtl(), nanoClock);
  }

  /** Whether {@code topic} has fanout state. */
  public boolean contains(String topic) {
    return topics.containsKey(topic);
  }

  /** The topic's fanout peers (empty if none). */
  public Set<P> peers(String topic) {
    TopicFanout<P> t = topics.get(topic);
    return t == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(t.peers));
  }

  /** Number of fanout peers of {@code topic}. */
  public int peerCount(String topic) {
    TopicFanout<P> t = topics.get(topic);
    return t == null ? 0 : t.peers.size();
  }

  /** Records a publish to {@code topic} now, creating its (empty) fanout state if needed. */
  public void published(String topic) {
    entry(topic).lastPublish = nanoClock.getAsLong();
  }

  /** Adds peers to the topic's fanout, creating it (as published now) if needed. */
  public void addPeers(String topic, Collection<P> peers) {
    TopicFanout<P> t = entry(topic);
    for (P p : peers) {
      t.peers.add(Objects.requireNonNull(p, "peer"));
    }
  }

  /** Removes one peer from a topic's fanout (e.g. it unsubscribed). Returns whether it was there. */
  public boolean removePeer(String topic, P peer) {
    TopicFanout<P> t = topics.get(topic);
    return t != null && t.peers.remove(peer);
  }

  /** Removes a peer from every topic's fanout (e.g. it disconnected). */
  public void removePeerEverywhere(P peer) {
    for (TopicFanout<P> t : topics.values()) {
      t.peers.remove(peer);
    }
  }

  /**
   * Drops a topic's fanout, returning its peers (used to seed the mesh when we join the topic).
   */
  public Set<P> remove(String topic) {
    TopicFanout<P> t = topics.remove(topic);
    return t == null ? Set.of() : Collections.unmodifiableSet(t.peers);
  }

  /** Heartbeat step: drops topics whose last publish is fanoutTtl or more ago; returns them. */
  public List<String> expire() {
    long now = nanoClock.getAsLong();
    List<String> expired = new ArrayList<>();
    topics.entrySet().removeIf(e -> {
      boolean old = now - e.getValue().lastPublish >= ttlNanos;
      if (old) {
        expired.add(e.getKey());
      }
      return old;
    });
    return expired;
  }

  /** Topics with fanout state (snapshot). */
  public Set<String> topics() {
    return Set.copyOf(topics.keySet());
  }

  private TopicFanout<P> entry(String topic) {
    Objects.requireNonNull(topic, "topic");
    return topics.computeIfAbsent(topic, k -> new TopicFanout<>(nanoClock.getAsLong()));
  }

  private static final class TopicFanout<P> {
    final Set<P> peers = new LinkedHashSet<>();
    long lastPublish;

    TopicFanout(long lastPublish) {
      this.lastPublish = lastPublish;
    }
  }
}
