package dev.icon.gossip.core;

import dev.icon.gossip.router.MeshCandidate;
import dev.icon.gossip.router.MeshSelection;
import dev.icon.overlay.identity.PeerId;
import dev.icon.proto.libp2p.pubsub.ControlPrune;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mesh membership: JOIN/LEAVE, GRAFT/PRUNE handling (v1.1 backoff and its penalties, peer exchange
 * through {@link PeerExchanger}, direct peers refused) and the heartbeat's mesh and fanout
 * maintenance with {@link MeshSelection}. Every membership change goes through {@link #addToMesh}
 * or {@link #removeFromMesh}, which keep the score and the listener informed. Not thread-safe.
 */
final class MeshManager {
  private static final Logger log = LoggerFactory.getLogger(MeshManager.class);
  private final RouterState s;
  private final PeerExchanger px;

  MeshManager(RouterState state, PeerExchanger px) {
    this.s = state;
    this.px = px;
  }

  /** JOIN(topic): fanout peers first, then other topic peers, up to D; GRAFT each. */
  void join(String topic) {
    Set<PeerId> mesh = s.meshForUpdate(topic);
    Set<PeerId> fanoutPeers = s.fanout.remove(topic);
    Predicate<PeerId> excluded = p -> s.backoff.isBackedOff(p, topic);
    List<MeshCandidate<PeerId>> fromFanout = s.asCandidates(fanoutPeers == null ? Set.of() : fanoutPeers);
    for (PeerId p : MeshSelection.selectToGraft(fromFanout, mesh, excluded, s.config.d(), s.random)) {
      graft(topic, p);
    }
    int deficit = s.config.d() - mesh.size();
    if (deficit > 0) {
      for (PeerId p : MeshSelection.selectToGraft(s.candidates(topic), mesh, excluded, deficit, s.random)) {
        graft(topic, p);
      }
    }
  }

  /** LEAVE(topic): PRUNE every mesh peer with the unsubscribe backoff, and forget the mesh. */
  void leave(String topic) {
    Set<PeerId> mesh = s.mesh.remove(topic);
    if (mesh == null) {
      return;
    }
    for (PeerId p : mesh) {
      s.score.prune(p, topic);
      s.listener.pruned(topic, p);
      sendPrune(p, topic, s.config.unsubscribeBackoff(), true);
    }
  }

  /** A GRAFT from {@code peer}; answers with PRUNE when refused. */
  void handleGraft(PeerId peer, String topic) {
    if (!s.table.subscribed(topic)) {
      return; // spam hardening (as go): no answer for topics we are not in
    }
    Set<PeerId> mesh = s.meshForUpdate(topic);
    if (mesh.contains(peer)) {
      return;
    }
    if (s.direct.contains(peer)) {
      log.debug("GRAFT from direct peer {} for {}: pruned (no penalty)", peer, topic);
      sendPrune(peer, topic, s.config.pruneBackoff(), false);
      return;
    }
    if (s.backoff.isBackedOff(peer, topic)) {
      s.score.addPenalty(peer, 1);
      if (s.backoff.isGraftFlood(peer, topic)) {
        s.score.addPenalty(peer, 1);
      }
      log.debug("GRAFT from {} for {} during backoff: penalized and pruned", peer, topic);
      sendPrune(peer, topic, s.config.pruneBackoff(), false);
      return;
    }
    SubscriptionTable.PeerInfo info = s.table.info(peer);
    boolean full = mesh.size() >= s.config.dHigh() && (info == null || !info.outbound);
    if (s.scoreOf(peer) < 0 || full || info == null || !info.gossipsub()) {
      sendPrune(peer, topic, s.config.pruneBackoff(), true);
      return;
    }
    addToMesh(topic, peer);
  }

  /**
   * A PRUNE from {@code peer}: leave its mesh, honour its backoff, pass on its PX. Ignored for
   * topics we are not in (as go), so PRUNEs for made-up topics cannot grow the backoff state.
   */
  void handlePrune(PeerId peer, ControlPrune prune) {
    String topic = prune.getTopicID();
    if (!s.table.subscribed(topic)) {
      return;
    }
    removeFromMesh(topic, peer);
    s.backoff.backoffFromPrune(peer, topic,
        prune.hasBackoff() ? OptionalLong.of(prune.getBackoff()) : OptionalLong.empty());
    px.received(peer, prune);
  }

  /** The peer unsubscribed from {@code topic} or disconnected. */
  void dropFromTopic(PeerId peer, String topic) {
    removeFromMesh(topic, peer);
    s.fanout.removePeer(topic, peer);
  }

  /** The peer disconnected (or became direct): it leaves every mesh and fanout. */
  void dropEverywhere(PeerId peer) {
    for (String topic : new ArrayList<>(s.mesh.keySet())) {
      removeFromMesh(topic, peer);
    }
    s.fanout.removePeerEverywhere(peer);
  }

  /** {@code peer} became a direct peer: it leaves every mesh with a PRUNE (no PX) and fanout. */
  void makeDirect(PeerId peer) {
    for (String topic : new ArrayList<>(s.mesh.keySet())) {
      if (removeFromMesh(topic, peer)) {
        s.outbox.prune(peer, topic, s.pruneBackoffSeconds(peer, s.config.pruneBackoff()), List.of());
      }
    }
    s.fanout.removePeerEverywhere(peer);
  }

  /** Adds {@code peer} to the mesh of {@code topic}; returns whether it was not there. */
  boolean addToMesh(String topic, PeerId peer) {
    if (!s.meshForUpdate(topic).add(peer)) {
      return false;
    }
    s.score.graft(peer, topic);
    s.listener.grafted(topic, peer);
    return true;
  }

  /** Removes {@code peer} from the mesh of {@code topic}; returns whether it was there. */
  boolean removeFromMesh(String topic, PeerId peer) {
    Set<PeerId> mesh = s.mesh.get(topic);
    if (mesh == null || !mesh.remove(peer)) {
      return false;
    }
    s.score.prune(peer, topic);
    s.listener.pruned(topic, peer);
    return true;
  }

  /** Heartbeat mesh step for every subscribed topic. */
  void heartbeatMeshes(long tick) {
    for (String topic : new ArrayList<>(s.table.ours())) {
      heartbeatTopic(topic, tick);
    }
  }

  private void heartbeatTopic(String topic, long tick) {
    Set<PeerId> mesh = s.meshForUpdate(topic);
    Predicate<PeerId> excluded = p -> s.backoff.isBackedOff(p, topic);
    for (PeerId p : MeshSelection.negativeScore(s.asCandidates(mesh))) {
      prune(topic, p);
    }
    List<MeshCandidate<PeerId>> candidates = s.candidates(topic);
    int deficit = MeshSelection.graftDeficit(mesh.size(), s.config);
    if (deficit > 0) {
      for (PeerId p : MeshSelection.selectToGraft(candidates, mesh, excluded, deficit, s.random)) {
        graft(topic, p);
      }
    }
    for (PeerId p : MeshSelection.selectToPrune(s.asCandidates(mesh), s.config, s.random)) {
      prune(topic, p);
    }
    for (PeerId p : MeshSelection.selectOutboundToGraft(
        s.asCandidates(mesh), candidates, excluded, s.config, s.random)) {
      graft(topic, p);
    }
    if (tick % s.config.opportunisticGraftTicks() == 0 && mesh.size() > 1) {
      for (PeerId p : MeshSelection.selectOpportunisticGraft(s.asCandidates(mesh), candidates,
          excluded, s.thresholds.opportunisticGraftThreshold(), s.config, s.random)) {
        graft(topic, p);
      }
    }
  }

  /** Heartbeat fanout step: expire, drop unfit peers, top up to D. */
  void heartbeatFanout() {
    s.fanout.expire();
    for (String topic : s.fanout.topics()) {
      for (PeerId p : new ArrayList<>(s.fanout.peers(topic))) {
        if (!s.table.topicPeers(topic).contains(p) || !s.thresholds.allowsPublish(s.scoreOf(p))) {
          s.fanout.removePeer(topic, p);
        }
      }
      topUpFanout(topic);
    }
  }

  /** Adds fanout peers of {@code topic} above the publish threshold until it has D. */
  void topUpFanout(String topic) {
    int missing = s.config.d() - s.fanout.peerCount(topic);
    if (missing <= 0) {
      return;
    }
    Set<PeerId> have = new LinkedHashSet<>(s.fanout.peers(topic));
    List<PeerId> eligible = new ArrayList<>();
    for (MeshCandidate<PeerId> c : s.candidates(topic)) {
      if (!have.contains(c.peer()) && s.thresholds.allowsPublish(c.score())) {
        eligible.add(c.peer());
      }
    }
    s.fanout.addPeers(topic, MeshSelection.randomSubset(eligible, missing, s.random));
  }

  private void graft(String topic, PeerId peer) {
    if (addToMesh(topic, peer)) {
      s.outbox.graft(peer, topic);
    }
  }

  private void prune(String topic, PeerId peer) {
    if (removeFromMesh(topic, peer)) {
      sendPrune(peer, topic, s.config.pruneBackoff(), true);
    }
  }

  /** PRUNE with backoff; with PX candidates when {@code mayPx} and {@link PeerExchanger} agrees. */
  private void sendPrune(PeerId peer, String topic, Duration backoff, boolean mayPx) {
    s.backoff.backoff(peer, topic, backoff);
    List<PeerId> candidates = mayPx ? px.toSend(peer, topic) : List.of();
    s.outbox.prune(peer, topic, s.pruneBackoffSeconds(peer, backoff), candidates);
  }
}
