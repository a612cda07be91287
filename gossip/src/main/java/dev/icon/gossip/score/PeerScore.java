package dev.icon.gossip.score;

import dev.icon.gossip.score.DeliveryRecords.Record;
import dev.icon.gossip.score.DeliveryRecords.Status;
import dev.icon.overlay.identity.PeerId;
import java.net.InetAddress;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Gossipsub v1.1 peer score tracker: the router reports events, asks {@link #score(PeerId)}, and
 * calls {@link #refreshScores()} every {@link PeerScoreParams#decayInterval()}.
 *
 * <pre>
 * score(p) = TopicCap( Σ_t topicWeight(t) * ( w1*P1 + w2*P2 + w3*P3 + w3b*P3b + w4*P4 ) )
 *            + w5*P5 + w6*P6 + w7*P7
 * P1  = min(floor(meshTime / timeInMeshQuantum), timeInMeshCap), only while in the mesh; meshTime
 *       is refreshed lazily by refreshScores()
 * P2  = firstMessageDeliveries, +1 per first valid delivery, capped at firstMessageDeliveriesCap
 * P3  = deficit², deficit = threshold - meshMessageDeliveries when in the mesh longer than the
 *       activation window and below threshold, else 0; the counter counts first and near-first
 *       (within meshMessageDeliveriesWindow of validation, or during validation) deliveries
 *       while in the mesh, capped at meshMessageDeliveriesCap
 * P3b = meshFailurePenalty, += deficit² at prune (and at disconnect while in the mesh)
 * P4  = invalidMessageDeliveries²
 * P5  = appSpecificScore(p)
 * P6  = Σ over the peer's non-whitelisted IPs of max(0, peersOnIp - threshold)²
 * P7  = max(0, behaviourPenalty - behaviourPenaltyThreshold)²
 * TopicCap(x) = min(x, topicScoreCap) when topicScoreCap &gt; 0, else x
 * </pre>
 *
 * <p>Decay (each refresh): P2, P3, P3b, P4 and P7 counters are multiplied by their decay factor
 * and set to 0 below {@link PeerScoreParams#decayToZero()}. Only configured topics are tracked.
 * Retention (spec: "the score is retained for some period of time when a peer disconnects, so
 * that malicious peers cannot easily reset their score ... and well behaving peers don't lose
 * their status"): on {@link #removePeer} the peer leaves every mesh (an active P3 deficit goes to
 * P3b) and its score, positive or not, is kept for {@link PeerScoreParams#retainScore()}; a
 * reconnect within that time resumes it. Retained counters keep decaying, so disconnecting neither
 * banks merit nor sheds penalties faster than staying connected and idle. P6 counts connected
 * peers only (a retained peer neither scores P6 nor weighs on its old IP's newcomers).
 *
 * <p>Threading: not thread-safe; confine to the router's event loop. Message ids are opaque keys
 * with value equality (e.g. the router's message id type). Events about unknown peers or
 * unconfigured topics are ignored.
 */
public final class PeerScore {
  private final PeerScoreParams params;
  /**
   * Delivery records only feed the per-topic P2/P3/P4 counters: with no topic parameters (scoring
   * off) none are kept, so a flood of unique messages costs the scorer nothing.
   */
  private final boolean tracksDeliveries;
  private final LongSupplier nanoTime;
  private final Map<PeerId, PeerStats> peers = new HashMap<>();
  private final IpColocation colocation;
  private final DeliveryRecords deliveries;

  /**
   * @param params scoring parameters
   * @param nanoTime monotonic clock in nanoseconds ({@code System::nanoTime} in production)
   */
  public PeerScore(PeerScoreParams params, LongSupplier nanoTime) {
    this.params = Objects.requireNonNull(params, "params");
    this.tracksDeliveries = !params.topics().isEmpty();
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.deliveries =
        new DeliveryRecords(params.deliveryRecordTtl().toNanos(), params.maxDeliveryRecords());
    this.colocation = new IpColocation(
        params.ipColocationFactorThreshold(), params.ipColocationFactorWhitelist());
  }

  /** The parameters in use. */
  public PeerScoreParams params() {
    return params;
  }

  /** A peer connected from {@code ip} (null if unknown); revives a retained score. */
  public void addPeer(PeerId peer, InetAddress ip) {
    PeerStats stats = peers.computeIfAbsent(peer, p -> new PeerStats());
    stats.connected = true;
    stats.setIps(peer, ip == null ? Set.of() : Set.of(ip), colocation);
  }

  /** Replaces the IPs a connected or retained peer is known by (P6). */
  public void updateIps(PeerId peer, Collection<InetAddress> ips) {
    PeerStats stats = peers.get(peer);
    if (stats != null) {
      stats.setIps(peer, new HashSet<>(ips), colocation);
    }
  }

  /** The peer disconnected: it leaves every mesh and its score is retained for retainScore. */
  public void removePeer(PeerId peer) {
    PeerStats stats = peers.get(peer);
    if (stats == null || !stats.connected) {
      return;
    }
    stats.topics.forEach((topic, ts) -> {
      if (ts.inMesh) {
        ts.prune(params.topics().get(topic));
      }
    });
    colocation.remove(peer, stats.ips);
    if (params.retainScore().isZero()) {
      peers.remove(peer);
      return;
    }
    stats.connected = false;
    stats.expireNanos = nanoTime.getAsLong() + params.retainScore().toNanos();
  }

  /**
   * The peer joined our mesh in {@code topic}: P1 starts counting, P3 activation restarts. A
   * graft of a peer already in the mesh changes nothing.
   */
  public void graft(PeerId peer, String topic) {
    TopicStats ts = topicStats(peer, topic);
    if (ts != null && !ts.inMesh && peers.get(peer).connected) {
      ts.graft(nanoTime.getAsLong());
    }
  }

  /** The peer left our mesh in {@code topic}: an active P3 deficit is added, squared, to P3b. */
  public void prune(PeerId peer, String topic) {
    TopicStats ts = topicStats(peer, topic);
    if (ts != null && ts.inMesh) {
      ts.prune(params.topics().get(topic));
    }
  }

  /**
   * A message not seen before arrived from {@code from} and validation starts now: its first-seen
   * time is recorded so duplicates during validation count as near-first. {@code from} is
   * credited later, by {@link #deliverMessage}.
   */
  public void validateMessage(Object messageId, PeerId from) {
    if (!tracksDeliveries) {
      return;
    }
    deliveries.getOrCreate(messageId, nanoTime.getAsLong());
  }

  /** Validation accepted the message first received from {@code from}: P2 and P3 credit. */
  public void deliverMessage(Object messageId, PeerId from, String topic) {
    if (!tracksDeliveries) {
      return;
    }
    long now = nanoTime.getAsLong();
    Record rec = deliveries.getOrCreate(messageId, now);
    if (rec.status != Status.VALIDATING) {
      return;
    }
    rec.status = Status.VALID;
    rec.validatedNanos = now;
    TopicStats ts = topicStats(from, topic);
    if (ts != null) {
      TopicScoreParams tp = params.topics().get(topic);
      ts.addFirstDelivery(tp);
      ts.addMeshDelivery(tp);
    }
    for (PeerId other : rec.peers) {
      if (!other.equals(from)) {
        meshDelivery(other, topic, false, 0, now); // delivered during validation: near-first
      }
    }
    rec.peers.clear();
  }

  /** The message from {@code from} was refused for {@code reason}; see {@link RejectReason}. */
  public void rejectMessage(Object messageId, PeerId from, String topic, RejectReason reason) {
    if (reason.penalizesSenderOnly()) {
      markInvalid(from, topic);
      return;
    }
    if (!tracksDeliveries || reason == RejectReason.BLACKLISTED
        || reason == RejectReason.THROTTLED) {
      return;
    }
    Record rec = deliveries.getOrCreate(messageId, nanoTime.getAsLong());
    if (rec.status != Status.VALIDATING) {
      return;
    }
    if (reason == RejectReason.VALIDATION_IGNORED) {
      rec.status = Status.IGNORED;
      rec.peers.clear();
      return;
    }
    rec.status = Status.INVALID;
    markInvalid(from, topic);
    for (PeerId other : rec.peers) {
      markInvalid(other, topic);
    }
    rec.peers.clear();
  }

  /** {@code from} delivered a message we have already seen. */
  public void duplicateMessage(Object messageId, PeerId from, String topic) {
    if (!tracksDeliveries) {
      return;
    }
    long now = nanoTime.getAsLong();
    Record rec = deliveries.getOrCreate(messageId, now);
    switch (rec.status) {
      case VALIDATING -> rec.peers.add(from);
      case VALID -> meshDelivery(from, topic, true, rec.validatedNanos, now);
      case INVALID -> markInvalid(from, topic);
      case IGNORED -> { }
    }
  }

  /** Adds one invalid message delivery (P4) to {@code peer} in {@code topic} directly. */
  public void markInvalid(PeerId peer, String topic) {
    TopicStats ts = topicStats(peer, topic);
    if (ts != null) {
      ts.addInvalid();
    }
  }

  /**
   * Adds {@code count} to the P7 behaviour penalty counter (broken IWANT promise, GRAFT during
   * backoff). Ignored for retained (disconnected) peers.
   *
   * @throws IllegalArgumentException if count is negative
   */
  public void addPenalty(PeerId peer, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, got " + count);
    }
    PeerStats stats = peers.get(peer);
    if (stats != null && stats.connected) {
      stats.behaviourPenalty += count;
    }
  }

  /**
   * One decay step, meant to run every decayInterval: forgets peers whose retention is over and
   * old delivery records, decays every tracked peer's counters and refreshes time in mesh.
   */
  public void refreshScores() {
    long now = nanoTime.getAsLong();
    double toZero = params.decayToZero();
    Iterator<Map.Entry<PeerId, PeerStats>> it = peers.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<PeerId, PeerStats> e = it.next();
      PeerStats stats = e.getValue();
      if (!stats.connected && now - stats.expireNanos >= 0) {
        it.remove(); // retention over; its IPs left the colocation index at disconnect
        continue;
      }
      stats.topics.forEach((topic, ts) -> ts.decay(params.topics().get(topic), toZero, now));
      stats.behaviourPenalty =
          TopicStats.decayed(stats.behaviourPenalty, params.behaviourPenaltyDecay(), toZero);
    }
    deliveries.expire(now);
  }

  /** The peer's current score per the formula above; 0 for an unknown peer. */
  public double score(PeerId peer) {
    PeerStats stats = peers.get(peer);
    if (stats == null) {
      return 0;
    }
    double topicScore = 0;
    for (Map.Entry<String, TopicStats> e : stats.topics.entrySet()) {
      TopicScoreParams tp = params.topics().get(e.getKey());
      topicScore += tp.topicWeight() * e.getValue().score(tp);
    }
    if (params.topicScoreCap() > 0 && topicScore > params.topicScoreCap()) {
      topicScore = params.topicScoreCap();
    }
    double score = topicScore;
    score += params.appSpecificWeight() * params.appSpecificScore().applyAsDouble(peer);
    if (stats.connected) {
      score += params.ipColocationFactorWeight() * colocation.factor(stats.ips);
    }
    double excess = stats.behaviourPenalty - params.behaviourPenaltyThreshold();
    if (excess > 0) {
      score += params.behaviourPenaltyWeight() * excess * excess;
    }
    return score;
  }

  /** True while the peer is tracked, connected or retained. */
  public boolean isTracked(PeerId peer) {
    return peers.containsKey(peer);
  }

  private void meshDelivery(PeerId peer, String topic, boolean checkWindow, long validatedNanos,
      long now) {
    TopicStats ts = topicStats(peer, topic);
    if (ts == null) {
      return;
    }
    TopicScoreParams tp = params.topics().get(topic);
    if (checkWindow && now - validatedNanos > tp.meshMessageDeliveriesWindow().toNanos()) {
      return; // too late to be near-first
    }
    ts.addMeshDelivery(tp);
  }

  private TopicStats topicStats(PeerId peer, String topic) {
    PeerStats stats = peers.get(peer);
    if (stats == null || !params.topics().containsKey(topic)) {
      return null;
    }
    return stats.topic(topic);
  }
}
