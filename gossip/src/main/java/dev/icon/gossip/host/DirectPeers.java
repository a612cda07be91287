package dev.icon.gossip.host;

import dev.icon.overlay.api.Host;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.multiaddr.Multiaddr;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps connections to the direct (explicit) peers of the settings: their addresses go into the
 * peer store, and {@link #dialMissing()} (first after {@code directConnectInitialDelay}, then every
 * {@code directConnectTicks} heartbeats) dials each one that has no open connection. A failed dial
 * is logged at debug level and retried at the next round.
 *
 * <p>Threading: called on the router thread; dials complete on Netty event loops.
 */
final class DirectPeers {
  private static final Logger LOG = LoggerFactory.getLogger(DirectPeers.class);
  private final Host host;
  private final List<Multiaddr> addresses;

  DirectPeers(Host host, List<Multiaddr> addresses) {
    this.host = host;
    this.addresses = List.copyOf(addresses);
    for (Multiaddr a : this.addresses) {
      host.peerStore().addAddresses(peerOf(a), List.of(a.withoutPeerId()));
    }
  }

  /** The peer ids, for {@code GossipRouter.addDirectPeer}. */
  List<PeerId> peers() {
    return addresses.stream().map(DirectPeers::peerOf).distinct().toList();
  }

  /** Dials every direct peer without an open connection. */
  void dialMissing() {
    for (Multiaddr a : addresses) {
      PeerId peer = peerOf(a);
      if (peer.equals(host.peerId())
          || host.connections(peer).stream().anyMatch(c -> c.isOpen())) {
        continue;
      }
      host.dial(a).whenComplete((c, e) -> {
        if (e != null) {
          LOG.debug("direct peer {} not reachable at {}: {}", peer, a, e.toString());
        }
      });
    }
  }

  private static PeerId peerOf(Multiaddr a) {
    return a.peerId().orElseThrow();
  }
}
