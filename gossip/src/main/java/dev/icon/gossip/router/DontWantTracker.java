package dev.icon.gossip.router;

import dev.icon.gossip.api.MessageId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The v1.2 per-peer {@code dont_send_message_ids}: ids a peer told us (IDONTWANT) it already has,
 * so relaying skips it. Ids are remembered for {@code idontwantTtlHeartbeats} heartbeats; at most
 * {@code maxIdontwantMessages} ids per peer are accepted per heartbeat (the spec's DoS bound), the
 * rest ignored. The spec forbids penalising a peer for our ignoring IDONTWANT, so dropping is safe.
 *
 * <p>Not thread-safe: owned by the router's event loop. Time is counted in heartbeats
 * ({@link #heartbeat()}).
 *
 * @param <P> peer key type (e.g. {@code PeerId})
 */
public final class DontWantTracker<P> {

  private final int maxPerHeartbeat;
  private final int ttlHeartbeats;
  private final Map<P, PeerState> peers = new HashMap<>();
  private long tick;

  /**
   * @param maxPerHeartbeat ids accepted per peer per heartbeat, at least 0
   * @param ttlHeartbeats heartbeats an id is remembered, at least 1
   */
  public DontWantTracker(int maxPerHeartbeat, int ttlHeartbeats) {
    if (maxPerHeartbeat < 0 || ttlHeartbeats < 1) {
      throw new IllegalArgumentException("need maxPerHeartbeat >= 0 and ttlHeartbeats >= 1");
    }
    this.maxPerHeartbeat = maxPerHeartbeat;
    this.ttlHeartbeats = ttlHeartbeats;
  }

  /** A tracker with {@code config}'s maxIdontwantMessages and idontwantTtlHeartbeats. */
  public static <P> DontWantTracker<P> create(GossipConfig config) {
    return new DontWantTracker<>(config.maxIdontwantMessages(), config.idontwantTtlHeartbeats());
  }

  /**
   * Records the ids of an IDONTWANT from {@code peer}, within its per-heartbeat budget.
   *
   * @return how many ids were accepted (the rest exceeded the budget)
   */
  public int add(P peer, Collection<MessageId> ids) {
    PeerState s = peers.computeIfAbsent(Objects.requireNonNull(peer, "peer"), k -> new PeerState());
    int accepted = 0;
    for (MessageId id : ids) {
      if (s.receivedThisHeartbeat >= maxPerHeartbeat) {
        break;
      }
      s.receivedThisHeartbeat++;
      s.ids.putIfAbsent(id, tick);
      accepted++;
    }
    return accepted;
  }

  /** Whether {@code peer} said it does not want {@code id} (so it is skipped when relaying). */
  public boolean dontSend(P peer, MessageId id) {
    PeerState s = peers.get(peer);
    return s != null && s.ids.containsKey(id);
  }

  /** Number of ids remembered for {@code peer}. */
  public int size(P peer) {
    PeerState s = peers.get(peer);
    return s == null ? 0 : s.ids.size();
  }

  /** Heartbeat step: forgets ids older than the TTL and restores every peer's budget. */
  public void heartbeat() {
    tick++;
    Iterator<PeerState> states = peers.values().iterator();
    while (states.hasNext()) {
      PeerState s = states.next();
      s.receivedThisHeartbeat = 0;
      // Insertion order is age order (re-adds keep the first sighting), so expired ids lead.
      Iterator<Long> added = s.ids.values().iterator();
      while (added.hasNext() && tick - added.next() >= ttlHeartbeats) {
        added.remove();
      }
      if (s.ids.isEmpty()) {
        states.remove();
      }
    }
  }

  /** Forgets a disconnected peer. */
  public void removePeer(P peer) {
    peers.remove(peer);
  }

  private static final class PeerState {
    final LinkedHashMap<MessageId, Long> ids = new LinkedHashMap<>();
    int receivedThisHeartbeat;
  }
}
