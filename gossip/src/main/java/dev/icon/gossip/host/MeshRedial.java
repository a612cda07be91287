package dev.icon.gossip.host;

import dev.icon.overlay.api.Host;
import dev.icon.overlay.identity.PeerId;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-dials mesh neighbours whose last connection was lost (a keepalive that gave up on a starved
 * peer, a reset, a transient network fault): {@link #ATTEMPTS} tries through
 * {@code Host.connect(peer)} (addresses from the peer store), after {@link #FIRST_DELAY}, then
 * twice as long each time, stopping as soon as the peer is connected again (either side may
 * dial). A peer that is really gone costs three failed dials. Once reconnected, the pubsub
 * streams and the heartbeat's GRAFTs restore the mesh as for any new peer. Direct peers have their
 * own, unbounded, redial ({@link DirectPeers}).
 *
 * <p>Threading: router thread only; dials complete on Netty event loops and come back to it.
 */
final class MeshRedial {
  private static final Logger LOG = LoggerFactory.getLogger(MeshRedial.class);
  /** Dials per lost neighbour. */
  static final int ATTEMPTS = 3;
  /** Wait before the first dial: lets a simultaneous redial from the other side land first. */
  static final Duration FIRST_DELAY = Duration.ofSeconds(1);

  private final Host host;
  private final RouterLoop loop;
  private final Set<PeerId> redialing = new HashSet<>();
  private boolean closed;

  MeshRedial(Host host, RouterLoop loop) {
    this.host = host;
    this.loop = loop;
  }

  /** {@code peer}, in one of our meshes, lost its last connection. */
  void lost(PeerId peer) {
    if (!closed && redialing.add(peer)) {
      attempt(peer, 0);
    }
  }

  /** Peers being redialled (tests). */
  int pending() {
    return redialing.size();
  }

  /** Stops: scheduled attempts do nothing. */
  void close() {
    closed = true;
    redialing.clear();
  }

  private void attempt(PeerId peer, int done) {
    loop.after(FIRST_DELAY.multipliedBy(1L << done), () -> {
      if (closed || !redialing.contains(peer)) {
        return;
      }
      if (host.connections(peer).stream().anyMatch(c -> c.isOpen())) {
        redialing.remove(peer);
        return;
      }
      host.connect(peer).whenComplete((c, e) -> loop.execute(() -> {
        if (e == null || done + 1 >= ATTEMPTS) {
          redialing.remove(peer);
          if (e != null) {
            LOG.debug("lost mesh peer {} not reachable after {} dials: {}", peer, ATTEMPTS,
                e.toString());
          } else {
            LOG.debug("reconnected to lost mesh peer {}", peer);
          }
        } else {
          attempt(peer, done + 1);
        }
      }));
    });
  }
}
