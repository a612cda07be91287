package dev.icon.overlay.kad;

import dev.icon.overlay.identity.PeerId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of a {@link Lookup}. Immutable.
 *
 * @param termination why the lookup ended
 * @param closest up to k peers that answered, closest to the target first
 * @param seen every peer the lookup learnt of (seeds included), with its addresses and hop depth
 * @param unresponsive peers whose request failed or timed out (candidates for removal from the
 *     routing table)
 * @param queried requests sent
 * @param succeeded requests answered
 * @param failed requests that failed (error or garbage response)
 * @param timedOut requests unanswered within the request timeout
 * @param invalidPeers peer entries in responses that were dropped (unparsable ids, beyond the cap)
 * @param maxHops the longest chain of requests behind any answered request (a seed's answer is 1)
 */
public record LookupResult(
    Termination termination,
    List<PeerId> closest,
    Map<PeerId, Seen> seen,
    List<PeerId> unresponsive,
    int queried,
    int succeeded,
    int failed,
    int timedOut,
    int invalidPeers,
    int maxHops) {

  /** Why a lookup ended. */
  public enum Termination {
    /** The k closest peers seen (or all peers seen, if fewer) have all answered. */
    CONVERGED,
    /** The {@link LookupHandler} asked to stop (e.g. peer found, quorum reached). */
    STOPPED,
    /** {@link Lookup#cancel()} was called. */
    CANCELLED
  }

  /**
   * A peer learnt during the lookup.
   *
   * @param peer id and addresses
   * @param depth 0 for a seed; otherwise one more than the depth of the peer that named it, i.e.
   *     the number of requests in a chain needed to learn of it
   */
  public record Seen(KadPeer peer, int depth) {}

  /** Copies the collections. */
  public LookupResult {
    closest = List.copyOf(closest);
    seen = Map.copyOf(seen);
    unresponsive = List.copyOf(unresponsive);
  }

  /** The peer {@code id}, if the lookup learnt of it (findPeer's answer). */
  public Optional<Seen> find(PeerId id) {
    return Optional.ofNullable(seen.get(id));
  }
}
