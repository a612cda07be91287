package dev.icon.gossip.score;

import dev.icon.overlay.identity.PeerId;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Everything the scorer tracks about one peer: connection state, IPs, per-topic counters and the
 * P7 behaviour penalty counter. Mutable, confined to the owning {@link PeerScore}.
 */
final class PeerStats {
  boolean connected = true;
  /** When a disconnected peer's retained score is forgotten (valid while !connected). */
  long expireNanos;
  final Set<InetAddress> ips = new LinkedHashSet<>();
  /** Counters of configured topics only, created on first use. */
  final Map<String, TopicStats> topics = new HashMap<>();
  double behaviourPenalty;

  TopicStats topic(String topic) {
    return topics.computeIfAbsent(topic, t -> new TopicStats());
  }

  /** Replaces the IPs of {@code peer} (this), keeping {@code colocation} in step while connected. */
  void setIps(PeerId peer, Set<InetAddress> newIps, IpColocation colocation) {
    colocation.remove(peer, ips);
    ips.clear();
    ips.addAll(newIps);
    if (connected) {
      colocation.add(peer, ips);
    }
  }
}
