package dev.icon.gossip.router;

import java.time.Duration;
import java.util.Objects;

/**
 * Gossipsub router parameters (v1.0, v1.1, v1.2). Immutable and thread-safe; built by
 * {@link #builder()}, whose defaults are the spec's (or go-libp2p-pubsub's where the spec names
 * none). The canonical constructor checks the spec's invariants and names the field at fault in an
 * {@link IllegalArgumentException}.
 *
 * @param d target mesh degree
 * @param dLow mesh degree below which the heartbeat grafts
 * @param dHigh mesh degree above which the heartbeat prunes
 * @param dLazy minimum number of peers to emit gossip to
 * @param dScore peers kept by score when pruning an oversubscribed mesh
 * @param dOut outbound peers kept in the mesh
 * @param heartbeatInterval period of the heartbeat
 * @param heartbeatInitialDelay delay before the first heartbeat
 * @param fanoutTtl how long fanout state lives after the last publish to a topic
 * @param mcacheLength heartbeat windows of full messages kept for IWANT
 * @param mcacheGossip most recent windows advertised in IHAVE
 * @param seenTtl how long a message id stays in the seen cache
 * @param seenMaxEntries bound on the seen cache size (oldest evicted first)
 * @param gossipFactor fraction of eligible peers gossiped to (at least dLazy)
 * @param pruneBackoff backoff after a PRUNE before regrafting
 * @param unsubscribeBackoff backoff sent in PRUNEs caused by leaving a topic
 * @param maxBackoff clamp for backoffs (peer-supplied PRUNE values included)
 * @param graftFloodThreshold a GRAFT this soon after our PRUNE earns an extra penalty
 * @param opportunisticGraftTicks heartbeats between opportunistic graft checks
 * @param opportunisticGraftPeers peers grafted opportunistically per check
 * @param gossipRetransmission IWANT answers per peer per message
 * @param maxIhaveLength message ids accepted in IHAVE per peer per heartbeat
 * @param maxIhaveMessages IHAVE messages accepted per peer per heartbeat
 * @param iwantFollowupTime time a peer has to deliver a message it advertised and we asked for
 * @param idontwantMessageSizeThreshold messages at least this large trigger IDONTWANT (v1.2)
 * @param maxIdontwantMessages IDONTWANT ids accepted per peer per heartbeat (v1.2)
 * @param idontwantTtlHeartbeats heartbeats an IDONTWANT id is remembered (v1.2)
 * @param floodPublish whether our own messages go to every peer above the publish threshold
 * @param maxMessageSize largest accepted message (and RPC) in bytes
 * @param maxSubscriptionsPerRpc subscription changes accepted in one RPC
 * @param maxTopicsPerPeer topics one remote peer may be subscribed to
 * @param directConnectTicks heartbeats between reconnection attempts to direct peers
 * @param directConnectInitialDelay delay before the first connection to direct peers
 * @param doPx whether our PRUNEs carry peer exchange (v1.1 PX) candidates
 * @param prunePeers PX candidates sent in one PRUNE, and accepted from one received PRUNE
 * @param maxTrackedTopics distinct topics tracked for remote peers' subscriptions, node-wide (our
 *     own topics are always tracked); bounds memory under a flood of distinct topics
 */
public record GossipConfig(
    int d, int dLow, int dHigh, int dLazy, int dScore, int dOut,
    Duration heartbeatInterval, Duration heartbeatInitialDelay, Duration fanoutTtl,
    int mcacheLength, int mcacheGossip, Duration seenTtl, int seenMaxEntries, double gossipFactor,
    Duration pruneBackoff, Duration unsubscribeBackoff, Duration maxBackoff, Duration graftFloodThreshold,
    int opportunisticGraftTicks, int opportunisticGraftPeers, int gossipRetransmission,
    int maxIhaveLength, int maxIhaveMessages, Duration iwantFollowupTime,
    int idontwantMessageSizeThreshold, int maxIdontwantMessages, int idontwantTtlHeartbeats,
    boolean floodPublish,
    int maxMessageSize, int maxSubscriptionsPerRpc, int maxTopicsPerPeer,
    int directConnectTicks, Duration directConnectInitialDelay,
    boolean doPx, int prunePeers, int maxTrackedTopics) {

  /** Validates the spec's invariants; the exception message starts with the field at fault. */
  public GossipConfig {
    atLeast("d", d, 0);
    atLeast("dLow", dLow, 0);
    if (dLow > d) {
      throw bad("dLow", "must be <= d (" + d + "): " + dLow);
    }
    if (dHigh < d) {
      throw bad("dHigh", "must be >= d (" + d + "): " + dHigh);
    }
    atLeast("dLazy", dLazy, 0);
    atLeast("dScore", dScore, 0);
    if (dScore > dHigh) {
      throw bad("dScore", "must be <= dHigh (" + dHigh + "): " + dScore);
    }
    atLeast("dOut", dOut, 0);
    // Spec: D_out below D_lo and at most D/2; a bootstrapper (D = D_lo = D_out = 0) is allowed.
    if (dOut > d / 2) {
      throw bad("dOut", "must be <= d/2 (" + d / 2 + "): " + dOut);
    }
    if (dOut >= dLow && dOut > 0) {
      throw bad("dOut", "must be < dLow (" + dLow + "): " + dOut);
    }
    positive("heartbeatInterval", heartbeatInterval);
    notNegative("heartbeatInitialDelay", heartbeatInitialDelay);
    positive("fanoutTtl", fanoutTtl);
    atLeast("mcacheLength", mcacheLength, 1);
    atLeast("mcacheGossip", mcacheGossip, 0);
    if (mcacheGossip > mcacheLength) {
      throw bad("mcacheGossip", "must be <= mcacheLength (" + mcacheLength + "): " + mcacheGossip);
    }
    positive("seenTtl", seenTtl);
    atLeast("seenMaxEntries", seenMaxEntries, 1);
    if (!(gossipFactor >= 0.0 && gossipFactor <= 1.0)) {
      throw bad("gossipFactor", "must be in [0, 1]: " + gossipFactor);
    }
    positive("pruneBackoff", pruneBackoff);
    positive("unsubscribeBackoff", unsubscribeBackoff);
    positive("maxBackoff", maxBackoff);
    if (maxBackoff.compareTo(pruneBackoff) < 0 || maxBackoff.compareTo(unsubscribeBackoff) < 0) {
      throw bad("maxBackoff", "must be >= pruneBackoff and unsubscribeBackoff: " + maxBackoff);
    }
    notNegative("graftFloodThreshold", graftFloodThreshold);
    atLeast("opportunisticGraftTicks", opportunisticGraftTicks, 1);
    atLeast("opportunisticGraftPeers", opportunisticGraftPeers, 0);
    atLeast("gossipRetransmission", gossipRetransmission, 1);
    atLeast("maxIhaveLength", maxIhaveLength, 1);
    atLeast("maxIhaveMessages", maxIhaveMessages, 1);
    positive("iwantFollowupTime", iwantFollowupTime);
    atLeast("idontwantMessageSizeThreshold", idontwantMessageSizeThreshold, 0);
    atLeast("maxIdontwantMessages", maxIdontwantMessages, 0);
    atLeast("idontwantTtlHeartbeats", idontwantTtlHeartbeats, 1);
    atLeast("maxMessageSize", maxMessageSize, 1);
    atLeast("maxSubscriptionsPerRpc", maxSubscriptionsPerRpc, 1);
    atLeast("maxTopicsPerPeer", maxTopicsPerPeer, 1);
    atLeast("directConnectTicks", directConnectTicks, 1);
    notNegative("directConnectInitialDelay", directConnectInitialDelay);
    atLeast("prunePeers", prunePeers, 0);
    atLeast("maxTrackedTopics", maxTrackedTopics, 1);
  }

  /** Production defaults (the spec's recommended values). */
  public static GossipConfig defaults() {
    return builder().build();
  }

  /**
   * Defaults with a 50 ms heartbeat and timers shrunk in proportion, so in-memory networks converge
   * quickly; mesh degrees and limits stay at the spec's values.
   */
  public static GossipConfig forTests() {
    return builder()
        .heartbeatInterval(Duration.ofMillis(50))
        .heartbeatInitialDelay(Duration.ofMillis(10))
        .fanoutTtl(Duration.ofSeconds(3))
        .seenTtl(Duration.ofSeconds(6))
        .pruneBackoff(Duration.ofSeconds(3))
        .unsubscribeBackoff(Duration.ofMillis(500))
        .graftFloodThreshold(Duration.ofMillis(500))
        .iwantFollowupTime(Duration.ofMillis(150))
        .directConnectInitialDelay(Duration.ofMillis(50))
        .build();
  }

  /** A builder starting from {@link #defaults()}. */
  public static GossipConfigBuilder builder() {
    return new GossipConfigBuilder();
  }

  /** A builder starting from this config's values. */
  public GossipConfigBuilder toBuilder() {
    return new GossipConfigBuilder(this);
  }

  /** Number of gossip targets among {@code eligible} peers: max(dLazy, gossipFactor * eligible). */
  public int gossipTargets(int eligible) {
    int byFactor = (int) (gossipFactor * eligible);
    return Math.min(eligible, Math.max(dLazy, byFactor));
  }

  private static void atLeast(String field, int value, int min) {
    if (value < min) {
      throw bad(field, "must be >= " + min + ": " + value);
    }
  }

  private static void positive(String field, Duration value) {
    Objects.requireNonNull(value, field);
    if (value.isNegative() || value.isZero()) {
      throw bad(field, "must be positive: " + value);
    }
  }

  private static void notNegative(String field, Duration value) {
    Objects.requireNonNull(value, field);
    if (value.isNegative()) {
      throw bad(field, "must not be negative: " + value);
    }
  }

  private static IllegalArgumentException bad(String field, String why) {
    return new IllegalArgumentException(field + " " + why);
  }
}
