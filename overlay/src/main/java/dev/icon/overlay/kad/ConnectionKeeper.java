package dev.icon.overlay.kad;

import dev.icon.overlay.api.Connection;
import dev.icon.overlay.identity.PeerId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds a joined host at {@link KadConfig#minConnections()} or more connections: each {@link
 * #check()} (on the DHT's scheduler, every host maintenance interval) counts the connected peers
 * and, when short, dials routing-table peers it is not connected to, in random order, at most
 * {@link #MAX_DIALS} at a time. A peer that cannot be dialled leaves the routing table (as one that
 * fails a lookup request does). The host's connection manager still trims above its high
 * watermark, down to its low one; with {@code minConnections} at most the low watermark the two
 * never undo each other's work.
 *
 * <p>Threading: {@link #check()} on the scheduler thread; dials complete on Netty event loops.
 */
final class ConnectionKeeper {

  /** Dials in flight at most. */
  static final int MAX_DIALS = 8;

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionKeeper.class);

  private final KadNode node;
  private final int min;
  private final Random random;
  private final AtomicInteger inFlight = new AtomicInteger();

  ConnectionKeeper(KadNode node, int minConnections, long seed) {
    this.node = node;
    this.min = minConnections;
    this.random = new Random(seed);
  }

  /** Dials table peers if the host is short of connections. */
  void check() {
    if (!node.running()) {
      return;
    }
    long connected = node.host.connections().stream().map(Connection::remotePeer)
        .distinct().count();
    long missing = min - connected - inFlight.get();
    if (missing <= 0) {
      return;
    }
    List<PeerId> candidates = new ArrayList<>();
    for (PeerId p : node.table.peers()) {
      if (node.host.connections(p).isEmpty()) {
        candidates.add(p);
      }
    }
    Collections.shuffle(candidates, random);
    for (PeerId p : candidates) {
      if (missing <= 0) {
        return;
      }
      if (inFlight.incrementAndGet() > MAX_DIALS) {
        inFlight.decrementAndGet();
        return;
      }
      missing--;
      node.host.connect(p).whenComplete((c, e) -> {
        inFlight.decrementAndGet();
        if (e != null) {
          LOG.debug("dropping {} from the routing table: not dialable ({})", p, e.toString());
          node.table.remove(p);
        }
      });
    }
  }
}
