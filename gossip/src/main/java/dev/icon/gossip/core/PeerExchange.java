package dev.icon.gossip.core;

import dev.icon.overlay.identity.PeerId;
import java.util.List;

/**
 * The router's peer-exchange seam (v1.1 PX): a PRUNE from a peer whose score is at least the
 * accept-PX threshold carried these candidates for {@code topic}. The host binding may connect to
 * some of them (bounded), using the signed peer record when present.
 */
@FunctionalInterface
public interface PeerExchange {

  /** Ignores every candidate. */
  PeerExchange NONE = (topic, candidates) -> {};

  /** Candidates received in a PRUNE of {@code topic}. */
  void candidates(String topic, List<Candidate> candidates);

  /**
   * One PX entry.
   *
   * @param peer the candidate
   * @param signedPeerRecord its signed peer record envelope, or {@code null} when absent
   */
  record Candidate(PeerId peer, byte[] signedPeerRecord) {}
}
