package dev.icon.gossip.host;

import dev.icon.gossip.core.PeerExchange;
import dev.icon.overlay.api.Dht;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.identity.PeerId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Peer exchange (v1.1 PX): when a PRUNE brings candidates for a topic of which we know fewer than
 * {@code dHigh} peers, connects to some of them through the host, at most {@link
 * #MAX_CONCURRENT_DIALS} at a time. Addresses come from the peer store; for a candidate the peer
 * store has none of, and when the host runs the DHT ({@link Host#dht()}), from a {@code findPeer}
 * lookup (its addresses then go to the peer store) — how a joining node reaches the peers PX names
 * (PX entries from ICON carry peer ids only). Signed peer records are not parsed (the overlay has
 * no record book yet), so without a DHT a candidate without stored addresses is not reachable.
 *
 * <p>Threading: {@link #candidates} on the router thread (it only starts work); lookups and dials
 * complete on Netty event loops or the DHT's thread.
 */
final class PxConnector implements PeerExchange {
  /** Bound on PX dials in flight. */
  static final int MAX_CONCURRENT_DIALS = 8;
  private static final Logger LOG = LoggerFactory.getLogger(PxConnector.class);

  private final Host host;
  private final int dHigh;
  private final ToIntFunction<String> topicPeerCount;
  private final AtomicInteger inFlight = new AtomicInteger();

  PxConnector(Host host, int dHigh, ToIntFunction<String> topicPeerCount) {
    this.host = host;
    this.dHigh = dHigh;
    this.topicPeerCount = topicPeerCount;
  }

  @Override
  public void candidates(String topic, List<Candidate> candidates) {
    int wanted = dHigh - topicPeerCount.applyAsInt(topic);
    for (Candidate c : candidates) {
      if (wanted <= 0) {
        return;
      }
      PeerId peer = c.peer();
      boolean addressed = !host.peerStore().addresses(peer).isEmpty();
      Optional<Dht> dht = host.dht();
      if (peer.equals(host.peerId()) || !host.connections(peer).isEmpty()
          || (!addressed && dht.isEmpty())) {
        continue;
      }
      if (inFlight.incrementAndGet() > MAX_CONCURRENT_DIALS) {
        inFlight.decrementAndGet();
        return;
      }
      wanted--;
      CompletableFuture<?> reach = addressed ? host.connect(peer)
          : dht.get().findPeer(peer).thenCompose(found -> {
            if (found.isEmpty()) {
              return CompletableFuture.failedFuture(
                  new IllegalStateException("not found through the DHT"));
            }
            host.peerStore().addAddresses(peer, found.get().addrs());
            return host.connect(peer);
          });
      reach.whenComplete((conn, e) -> {
        inFlight.decrementAndGet();
        if (e != null) {
          LOG.debug("PX candidate {} for {} not reachable: {}", peer, topic, e.toString());
        }
      });
    }
  }

  /** Dials in flight (for tests). */
  int inFlight() {
    return inFlight.get();
  }
}
