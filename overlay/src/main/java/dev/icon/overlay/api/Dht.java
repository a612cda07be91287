package dev.icon.overlay.api;

import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.multiaddr.Multiaddr;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The host's Kademlia DHT ({@code /ipfs/kad/1.0.0}, libp2p kad-dht spec). Enable it with {@link
 * HostBuilder#dht(DhtMode, dev.icon.overlay.kad.KadConfig)}; get it from {@link Host#dht()}. It
 * starts and stops with the host; calls before start or after stop fail with {@link HostException}
 * ({@link HostError#NOT_RUNNING}).
 *
 * <p>Keys are raw bytes: a record key such as {@code /icon/<peer>/<name>} for values; a multihash or
 * CID for providers (js-libp2p decodes provider keys as CIDs). Records are validated by namespace
 * before they are sent and when they arrive; an invalid record fails with a {@link
 * dev.icon.overlay.kad.KadException} naming the reason.
 *
 * <p>Threading: thread-safe; every method returns at once. Futures complete on Netty event loops or
 * on the DHT's scheduler thread: move blocking dependents to your own executor.
 */
public interface Dht {

  /** Whether this host serves the DHT or only queries it. */
  DhtMode mode();

  /**
   * Connects to {@code peers} (each with {@code /p2p/<id>}; {@code /dnsaddr/} names are resolved
   * through DNS TXT records first, on the common pool), then runs a lookup for our own id seeded
   * with them, which fills the routing table. Completes with the routing-table size after the
   * lookup; fails if no address could be dialled.
   */
  CompletableFuture<Integer> bootstrap(List<Multiaddr> peers);

  /** Looks {@code peer} up: its addresses and the hops it took; empty if not found. */
  CompletableFuture<Optional<DhtPeer>> findPeer(PeerId peer);

  /**
   * Announces this host as a provider of {@code key}: ADD_PROVIDER (with our addresses) to the k
   * peers closest to the key; republished periodically while the host runs. Completes with the
   * number of peers the announcement was sent to.
   */
  CompletableFuture<Integer> provide(byte[] key);

  /** Up to {@code max} providers of {@code key} (ourselves included if we provide it). */
  CompletableFuture<List<DhtPeer>> findProviders(byte[] key, int max);

  /**
   * Stores {@code value} under {@code key} on the k peers closest to the key (and locally, in
   * server mode) after validating it. Completes with the number of peers that acknowledged.
   */
  CompletableFuture<Integer> putValue(byte[] key, byte[] value);

  /**
   * Signs {@code value} as the {@code /icon/<our peer id>/<name>} record with {@code sequence} (a
   * higher one replaces a lower) valid until now plus {@code ttl}, and puts it as {@link
   * #putValue} does.
   */
  CompletableFuture<Integer> putIconRecord(String name, byte[] value, long sequence,
      Duration ttl);

  /**
   * The best valid value of {@code key} once {@code quorum} valid records arrived (or the lookup
   * ended with fewer); empty if none. Peers that returned an outdated record are sent the best one
   * (and, in server mode, our own store keeps it).
   */
  CompletableFuture<Optional<byte[]>> getValue(byte[] key, int quorum);

  /** Peers in the routing table (snapshot). */
  List<PeerId> routingTable();
}
