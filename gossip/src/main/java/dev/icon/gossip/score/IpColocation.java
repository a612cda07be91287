package dev.icon.gossip.score;

import dev.icon.overlay.identity.PeerId;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Index of which peers (connected or retained) use which IP, and the P6 value derived from it:
 * for each of a peer's non-whitelisted IPs, the squared surplus of peers on that IP over the
 * threshold. Mutable, confined to the owning {@link PeerScore}.
 */
final class IpColocation {
  private final Map<InetAddress, Set<PeerId>> peersByIp = new HashMap<>();
  private final double threshold;
  private final List<IpSubnet> whitelist;

  IpColocation(double threshold, List<IpSubnet> whitelist) {
    this.threshold = threshold;
    this.whitelist = whitelist;
  }

  void add(PeerId peer, Set<InetAddress> ips) {
    for (InetAddress ip : ips) {
      peersByIp.computeIfAbsent(ip, k -> new HashSet<>()).add(peer);
    }
  }

  void remove(PeerId peer, Set<InetAddress> ips) {
    for (InetAddress ip : ips) {
      Set<PeerId> set = peersByIp.get(ip);
      if (set != null && set.remove(peer) && set.isEmpty()) {
        peersByIp.remove(ip);
      }
    }
  }

  /** P6 of a peer known by {@code ips}. */
  double factor(Set<InetAddress> ips) {
    double p6 = 0;
    for (InetAddress ip : ips) {
      if (whitelisted(ip)) {
        continue;
      }
      double surplus = peersByIp.getOrDefault(ip, Set.of()).size() - threshold;
      if (surplus > 0) {
        p6 += surplus * surplus;
      }
    }
    return p6;
  }

  private boolean whitelisted(InetAddress ip) {
    for (IpSubnet subnet : whitelist) {
      if (subnet.contains(ip)) {
        return true;
      }
    }
    return false;
  }
}
