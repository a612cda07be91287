package dev.icon.gossip.core;

import dev.icon.overlay.identity.PeerId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Connected peers (direction, protocol, topics) and our own subscriptions. Insertion-ordered so a
 * seeded run is reproducible. Not thread-safe; owned by the router's executor.
 */
final class SubscriptionTable {

  /** What we know of one connected peer. */
  static final class PeerInfo {
    final boolean outbound;
    final String protocolId;
    final Set<String> topics = new LinkedHashSet<>();

    PeerInfo(boolean outbound, String protocolId) {
      this.outbound = outbound;
      this.protocolId = protocolId;
    }

    boolean gossipsub() {
      return GossipProtocols.isGossipsub(protocolId);
    }
  }

  private final Map<PeerId, PeerInfo> peers = new LinkedHashMap<>();
  private final Map<String, Set<PeerId>> topicPeers = new LinkedHashMap<>();
  private final Set<String> ours = new LinkedHashSet<>();
  private final int maxTopicsPerPeer;
  private final int maxTrackedTopics;

  SubscriptionTable(int maxTopicsPerPeer, int maxTrackedTopics) {
    this.maxTopicsPerPeer = maxTopicsPerPeer;
    this.maxTrackedTopics = maxTrackedTopics;
  }

  /** Registers a peer; returns false if it was already connected. */
  boolean addPeer(PeerId peer, boolean outbound, String protocolId) {
    return peers.putIfAbsent(peer, new PeerInfo(outbound, protocolId)) == null;
  }

  /** Forgets a peer and its topics; returns its info or null. */
  PeerInfo removePeer(PeerId peer) {
    PeerInfo info = peers.remove(peer);
    if (info != null) {
      for (String t : info.topics) {
        Set<PeerId> set = topicPeers.get(t);
        if (set != null) {
          set.remove(peer);
          if (set.isEmpty()) {
            topicPeers.remove(t);
          }
        }
      }
    }
    return info;
  }

  PeerInfo info(PeerId peer) {
    return peers.get(peer);
  }

  Set<PeerId> peers() {
    return Collections.unmodifiableSet(peers.keySet());
  }

  /** Peers subscribed to {@code topic} (live view, do not mutate). */
  Set<PeerId> topicPeers(String topic) {
    return topicPeers.getOrDefault(topic, Set.of());
  }

  /**
   * Applies a peer's SUBSCRIBE/UNSUBSCRIBE. Returns whether anything changed; a subscription past
   * maxTopicsPerPeer, or to a new topic (not ours) once maxTrackedTopics are tracked, is ignored.
   */
  boolean apply(PeerId peer, String topic, boolean subscribe) {
    PeerInfo info = peers.get(peer);
    if (info == null) {
      return false;
    }
    if (subscribe) {
      if (info.topics.size() >= maxTopicsPerPeer || info.topics.contains(topic)) {
        return false;
      }
      if (!topicPeers.containsKey(topic) && !ours.contains(topic)
          && topicPeers.size() >= maxTrackedTopics) {
        return false;
      }
      info.topics.add(topic);
      topicPeers.computeIfAbsent(topic, k -> new LinkedHashSet<>()).add(peer);
      return true;
    }
    if (!info.topics.remove(topic)) {
      return false;
    }
    Set<PeerId> set = topicPeers.get(topic);
    set.remove(peer);
    if (set.isEmpty()) {
      topicPeers.remove(topic);
    }
    return true;
  }

  /** Number of distinct topics with at least one remote subscriber. */
  int trackedTopics() {
    return topicPeers.size();
  }

  /** Whether we are subscribed to {@code topic}. */
  boolean subscribed(String topic) {
    return ours.contains(topic);
  }

  /** Our subscriptions (live view). */
  Set<String> ours() {
    return Collections.unmodifiableSet(ours);
  }

  boolean subscribe(String topic) {
    return ours.add(topic);
  }

  boolean unsubscribe(String topic) {
    return ours.remove(topic);
  }
}
