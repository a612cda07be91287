package dev.icon.overlay.host;

import dev.icon.overlay.api.PeerInfo;
import dev.icon.overlay.api.PeerStore;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PublicKey;
import dev.icon.overlay.multiaddr.Multiaddr;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory {@link PeerStore}. Thread-safe (per-peer entries replaced atomically). Bounded: at most
 * {@code maxPeers} peers and {@code maxAddressesPerPeer} addresses each; beyond that new entries
 * are dropped (logged nowhere: the store is a cache).
 */
final class MemoryPeerStore implements PeerStore {

  private record Entry(Set<Multiaddr> addresses, Optional<PeerInfo> info, Optional<PublicKey> key) {}

  private final int maxPeers;
  private final int maxAddressesPerPeer;
  private final Map<PeerId, Entry> entries = new ConcurrentHashMap<>();
  private final Set<Multiaddr> observed = ConcurrentHashMap.newKeySet();

  MemoryPeerStore(int maxPeers, int maxAddressesPerPeer) {
    this.maxPeers = maxPeers;
    this.maxAddressesPerPeer = maxAddressesPerPeer;
  }

  @Override
  public Set<PeerId> peers() {
    return Set.copyOf(entries.keySet());
  }

  @Override
  public Set<Multiaddr> addresses(PeerId peer) {
    Entry e = entries.get(peer);
    return e == null ? Set.of() : e.addresses();
  }

  @Override
  public void addAddresses(PeerId peer, Collection<Multiaddr> addresses) {
    if (!entries.containsKey(peer) && entries.size() >= maxPeers) {
      return;
    }
    entries.compute(peer, (p, old) -> {
      Set<Multiaddr> merged = new LinkedHashSet<>(old == null ? Set.of() : old.addresses());
      for (Multiaddr a : addresses) {
        if (merged.size() >= maxAddressesPerPeer) {
          break;
        }
        merged.add(a.withoutPeerId());
      }
      return old == null
          ? new Entry(Set.copyOf(merged), Optional.empty(), Optional.empty())
          : new Entry(Set.copyOf(merged), old.info(), old.key());
    });
  }

  /** Stores identify results: replaces protocols and key, merges addresses. */
  void update(PeerId peer, PeerInfo info) {
    addAddresses(peer, info.listenAddrs());
    Optional<PublicKey> key = Optional.of(info.publicKey());
    entries.compute(peer, (p, old) -> new Entry(
        old == null ? Set.of() : old.addresses(), Optional.of(info), key));
  }

  /** Stores the key a security handshake authenticated for {@code peer}. */
  void putKey(PeerId peer, PublicKey key) {
    if (!entries.containsKey(peer) && entries.size() >= maxPeers) {
      return;
    }
    entries.compute(peer, (p, old) -> old == null
        ? new Entry(Set.of(), Optional.empty(), Optional.of(key))
        : new Entry(old.addresses(), old.info(), Optional.of(key)));
  }

  void addObserved(Multiaddr address) {
    if (observed.size() < maxAddressesPerPeer) {
      observed.add(address.withoutPeerId());
    }
  }

  @Override
  public Set<String> protocols(PeerId peer) {
    return info(peer).map(i -> Set.copyOf(i.protocols())).orElse(Set.of());
  }

  @Override
  public Optional<PublicKey> publicKey(PeerId peer) {
    Entry e = entries.get(peer);
    return e == null ? Optional.empty() : e.key();
  }

  @Override
  public Optional<PeerInfo> info(PeerId peer) {
    Entry e = entries.get(peer);
    return e == null ? Optional.empty() : e.info();
  }

  @Override
  public Set<Multiaddr> observedAddresses() {
    return Set.copyOf(observed);
  }

  @Override
  public void remove(PeerId peer) {
    entries.remove(peer);
  }
}
