package dev.icon.overlay.api;

import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PublicKey;
import dev.icon.overlay.multiaddr.Multiaddr;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * What the host knows about other peers: addresses, protocols, keys, agent, and the addresses
 * others observed for us. Thread-safe; returned collections are immutable snapshots. Bounded by the
 * host's {@code maxPeerStoreEntries}.
 */
public interface PeerStore {

  /** Every peer with at least one entry. */
  Set<PeerId> peers();

  /** Known addresses of {@code peer} (without /p2p/). */
  Set<Multiaddr> addresses(PeerId peer);

  /** Adds addresses for {@code peer} (a /p2p/ suffix is stripped). */
  void addAddresses(PeerId peer, Collection<Multiaddr> addresses);

  /** Protocols {@code peer} announced via identify. */
  Set<String> protocols(PeerId peer);

  /** The verified public key of {@code peer}, if known. */
  Optional<PublicKey> publicKey(PeerId peer);

  /** The last identify info of {@code peer}, if any. */
  Optional<PeerInfo> info(PeerId peer);

  /** Our addresses as observed by remote peers (from identify). */
  Set<Multiaddr> observedAddresses();

  /** Forgets everything about {@code peer}. */
  void remove(PeerId peer);
}
