package dev.icon.gossip.score;

/**
 * Counters of one peer in one configured topic (P1 to P4). Mutable, owned and confined to the
 * {@link PeerScore} that created it.
 */
final class TopicStats {
  boolean inMesh;
  long graftTimeNanos;
  /** Time in mesh, updated lazily at each refresh (spec: "calculated lazily during decay"). */
  long meshTimeNanos;
  double firstMessageDeliveries;
  double meshMessageDeliveries;
  /** True once the peer has been in the mesh longer than the P3 activation window. */
  boolean meshMessageDeliveriesActive;
  double meshFailurePenalty;
  double invalidMessageDeliveries;

  void graft(long nowNanos) {
    inMesh = true;
    graftTimeNanos = nowNanos;
    meshTimeNanos = 0;
    meshMessageDeliveriesActive = false;
  }

  /** Leaves the mesh, adding the squared P3 deficit to P3b if P3 was active and in deficit. */
  void prune(TopicScoreParams p) {
    double deficit = meshDeliveryDeficit(p);
    meshFailurePenalty += deficit * deficit;
    inMesh = false;
    meshMessageDeliveriesActive = false;
  }

  /** The P3 deficit: threshold minus deliveries when active and below threshold, else 0. */
  double meshDeliveryDeficit(TopicScoreParams p) {
    if (inMesh && meshMessageDeliveriesActive
        && meshMessageDeliveries < p.meshMessageDeliveriesThreshold()) {
      return p.meshMessageDeliveriesThreshold() - meshMessageDeliveries;
    }
    return 0;
  }

  void addFirstDelivery(TopicScoreParams p) {
    firstMessageDeliveries = Math.min(firstMessageDeliveries + 1, p.firstMessageDeliveriesCap());
  }

  void addMeshDelivery(TopicScoreParams p) {
    if (inMesh) {
      meshMessageDeliveries = Math.min(meshMessageDeliveries + 1, p.meshMessageDeliveriesCap());
    }
  }

  void addInvalid() {
    invalidMessageDeliveries += 1;
  }

  /** One decay step of P2, P3, P3b, P4 and the lazy mesh-time/activation update. */
  void decay(TopicScoreParams p, double decayToZero, long nowNanos) {
    firstMessageDeliveries = decayed(firstMessageDeliveries, p.firstMessageDeliveriesDecay(), decayToZero);
    meshMessageDeliveries = decayed(meshMessageDeliveries, p.meshMessageDeliveriesDecay(), decayToZero);
    meshFailurePenalty = decayed(meshFailurePenalty, p.meshFailurePenaltyDecay(), decayToZero);
    invalidMessageDeliveries =
        decayed(invalidMessageDeliveries, p.invalidMessageDeliveriesDecay(), decayToZero);
    if (inMesh) {
      meshTimeNanos = nowNanos - graftTimeNanos;
      if (meshTimeNanos > p.meshMessageDeliveriesActivation().toNanos()) {
        meshMessageDeliveriesActive = true;
      }
    }
  }

  static double decayed(double value, double factor, double decayToZero) {
    double next = value * factor;
    return next < decayToZero ? 0 : next;
  }

  /** This topic's weighted sum w1*P1 + w2*P2 + w3*P3 + w3b*P3b + w4*P4, before the topic weight. */
  double score(TopicScoreParams p) {
    double sum = 0;
    if (inMesh) {
      double p1 = (double) (meshTimeNanos / p.timeInMeshQuantum().toNanos());
      sum += Math.min(p1, p.timeInMeshCap()) * p.timeInMeshWeight();
    }
    sum += firstMessageDeliveries * p.firstMessageDeliveriesWeight();
    double deficit = meshDeliveryDeficit(p);
    sum += deficit * deficit * p.meshMessageDeliveriesWeight();
    sum += meshFailurePenalty * p.meshFailurePenaltyWeight();
    sum += invalidMessageDeliveries * invalidMessageDeliveries * p.invalidMessageDeliveriesWeight();
    return sum;
  }
}
