package dev.icon.gossip.core;

import dev.icon.gossip.router.MeshSelection;
import dev.icon.overlay.identity.IdentityException;
import dev.icon.overlay.identity.PeerId;
import dev.icon.proto.libp2p.pubsub.ControlPrune;
import dev.icon.proto.libp2p.pubsub.PeerInfo;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Peer exchange (gossipsub v1.1 PX). Sending: when {@code doPx} is on and the pruned peer speaks
 * v1.1+ and does not score negative, a PRUNE carries up to {@code prunePeers} other peers of the
 * topic with a non-negative score (peer ids only: we have no signed peer records). Receiving: the
 * candidates of a PRUNE from a peer whose score passes the accept-PX threshold (bounded by
 * {@code prunePeers}, ourselves and connected peers left out, malformed ids skipped) go to the
 * {@link PeerExchange} seam. Not thread-safe.
 */
final class PeerExchanger {
  private static final Logger log = LoggerFactory.getLogger(PeerExchanger.class);
  private final RouterState s;
  private final PeerExchange sink;

  PeerExchanger(RouterState state, PeerExchange sink) {
    this.s = state;
    this.sink = sink;
  }

  /** PX candidates to put in a PRUNE of {@code topic} to {@code pruned} (possibly none). */
  List<PeerId> toSend(PeerId pruned, String topic) {
    SubscriptionTable.PeerInfo info = s.table.info(pruned);
    if (!s.config.doPx() || info == null || !GossipProtocols.supportsBackoff(info.protocolId)
        || s.scoreOf(pruned) < 0) {
      return List.of();
    }
    List<PeerId> eligible = new ArrayList<>();
    for (PeerId p : s.table.topicPeers(topic)) {
      SubscriptionTable.PeerInfo pi = s.table.info(p);
      if (!p.equals(pruned) && pi != null && pi.gossipsub() && s.scoreOf(p) >= 0) {
        eligible.add(p);
      }
    }
    return MeshSelection.randomSubset(eligible, s.config.prunePeers(), s.random);
  }

  /** A PRUNE from {@code from}: hands its PX candidates to the seam when its score allows. */
  void received(PeerId from, ControlPrune prune) {
    if (prune.getPeersCount() == 0) {
      return;
    }
    if (!s.thresholds.acceptsPeerExchange(s.scoreOf(from))) {
      log.debug("PX from {} ignored: score {} below the accept-PX threshold", from, s.scoreOf(from));
      return;
    }
    List<PeerInfo> infos = prune.getPeersList();
    if (infos.size() > s.config.prunePeers()) {
      infos = MeshSelection.randomSubset(infos, s.config.prunePeers(), s.random);
    }
    List<PeerExchange.Candidate> out = new ArrayList<>(infos.size());
    for (PeerInfo pi : infos) {
      PeerId p;
      try {
        p = PeerId.fromBytes(pi.getPeerID().toByteArray());
      } catch (IdentityException | IllegalArgumentException e) {
        continue; // a malformed entry costs the sender nothing but its own usefulness
      }
      if (p.equals(s.self) || s.table.info(p) != null) {
        continue;
      }
      byte[] record = pi.hasSignedPeerRecord() ? pi.getSignedPeerRecord().toByteArray() : null;
      out.add(new PeerExchange.Candidate(p, record));
    }
    if (!out.isEmpty()) {
      GuardedListener.guard("peerExchange", () -> sink.candidates(prune.getTopicID(), out));
    }
  }
}
