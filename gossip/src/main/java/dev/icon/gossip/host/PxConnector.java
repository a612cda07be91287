package dev.icon.gossip.host;

import dev.icon.gossip.core.PeerExchange;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.identity.PeerId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Peer exchange (v1.1 PX): when a PRUNE brings candidates for a topic of which we know fewer than
 * {@code dHigh} peers, connects to some of them through the host (addresses from the peer store),
 * at most {@link #MAX_CONCURRENT_DIALS} dials at a time. Signed peer records are not parsed (the
 * overlay has no record book yet), so a candidate without stored addresses is not reachable.
 *
 * <p>Threading: {@link #candidates} on the router thread; dials complete on Netty event loops.
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
      if (peer.equals(host.peerId()) || !host.connections(peer).isEmpty()
          || host.peerStore().addresses(peer).isEmpty()) {
        continue;
      }
      if (inFlight.incrementAndGet() > MAX_CONCURRENT_DIALS) {
        inFlight.decrementAndGet();
        return;
      }
      wanted--;
      host.connect(peer).whenComplete((conn, e) -> {
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
