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
 * Mesh membership: JOIN/LEAVE, GRAFT/PRUNE handling (v1.1 backoff and its penalties) and the
 * heartbeat's mesh and fanout maintenance with {@link MeshSelection}. Peer exchange (PX) in PRUNE is
 * ignored for now: we never send peers and never dial the ones we receive. Not thread-safe.
 */
final class MeshManager {
  private static final Logger log = LoggerFactory.getLogger(MeshManager.class);
  private final RouterState s;

  MeshManager(RouterState state) {
    this.s = state;
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
      sendPrune(p, topic, s.config.unsubscribeBackoff());
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
    if (s.backoff.isBackedOff(peer, topic)) {
      s.score.addPenalty(peer, 1);
      if (s.backoff.isGraftFlood(peer, topic)) {
        s.score.addPenalty(peer, 1);
      }
      log.debug("GRAFT from {} for {} during backoff: penalized and pruned", peer, topic);
      sendPrune(peer, topic, s.config.pruneBackoff());
      return;
    }
    SubscriptionTable.PeerInfo info = s.table.info(peer);
    boolean full = mesh.size() >= s.config.dHigh() && (info == null || !info.outbound);
    if (s.scoreOf(peer) < 0 || full || info == null || !info.gossipsub()) {
      sendPrune(peer, topic, s.config.pruneBackoff());
      return;
    }
    mesh.add(peer);
    s.score.graft(peer, topic);
  }

  /** A PRUNE from {@code peer}: leave its mesh and honour its backoff. PX is ignored. */
  void handlePrune(PeerId peer, ControlPrune prune) {
    String topic = prune.getTopicID();
    Set<PeerId> mesh = s.mesh.get(topic);
    if (mesh != null && mesh.remove(peer)) {
      s.score.prune(peer, topic);
    }
    s.backoff.backoffFromPrune(peer, topic,
        prune.hasBackoff() ? OptionalLong.of(prune.getBackoff()) : OptionalLong.empty());
  }

  /** The peer unsubscribed from {@code topic} or disconnected. */
  void dropFromTopic(PeerId peer, String topic) {
    Set<PeerId> mesh = s.mesh.get(topic);
    if (mesh != null && mesh.remove(peer)) {
      s.score.prune(peer, topic);
    }
    s.fanout.removePeer(topic, peer);
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
    if (s.meshForUpdate(topic).add(peer)) {
      s.score.graft(peer, topic);
      s.outbox.graft(peer, topic);
    }
  }

  private void prune(String topic, PeerId peer) {
    if (s.meshForUpdate(topic).remove(peer)) {
      s.score.prune(peer, topic);
      sendPrune(peer, topic, s.config.pruneBackoff());
    }
  }

  private void sendPrune(PeerId peer, String topic, Duration backoff) {
    s.backoff.backoff(peer, topic, backoff);
    s.outbox.prune(peer, topic, s.pruneBackoffSeconds(peer, backoff));
  }
}
