package dev.icon.gossip.router;

import java.util.Objects;

/**
 * A peer as seen by mesh selection: its current score and whether our connection to it is outbound
 * (we dialled it). Immutable.
 *
 * @param peer the peer key (e.g. {@code PeerId})
 * @param score the peer's current score (0 when scoring is off)
 * @param outbound whether the connection was opened by us (counts toward D_out)
 * @param <P> peer key type
 */
public record MeshCandidate<P>(P peer, double score, boolean outbound) {

  /** Rejects a null peer and a NaN score. */
  public MeshCandidate {
    Objects.requireNonNull(peer, "peer");
    if (Double.isNaN(score)) {
      throw new IllegalArgumentException("score is NaN for " + peer);
    }
  }
}
