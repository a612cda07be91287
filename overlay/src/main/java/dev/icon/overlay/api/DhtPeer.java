package dev.icon.overlay.api;

import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.multiaddr.Multiaddr;
import java.util.List;
import java.util.Objects;

/**
 * A peer the DHT found (by {@link Dht#findPeer} or as a provider). Immutable.
 *
 * @param id the peer
 * @param addrs its addresses, without {@code /p2p/} (unparsable ones dropped)
 * @param hops for {@link Dht#findPeer}: requests in the chain that named it (0 when our routing
 *     table already held it, 1 when a peer we asked first named it, and so on); for a provider: 0
 *     when known locally, else the longest request chain of the lookup that found it
 */
public record DhtPeer(PeerId id, List<Multiaddr> addrs, int hops) {

  /** Copies {@code addrs}. */
  public DhtPeer {
    Objects.requireNonNull(id, "id");
    addrs = List.copyOf(addrs);
  }
}
