package dev.icon.gossip.router;

import java.time.Duration;

/**
 * The one builder of {@link GossipConfig}. Starts from the spec's defaults (each with the reason
 * for its value); {@link #build()} validates and names the field at fault. Not thread-safe.
 */
public final class GossipConfigBuilder {
  // Spec default: enough redundancy for fast delivery, bounded amplification.
  private int d = 6;
  // Spec default: graft once the mesh loses more than one peer.
  private int dLow = 5;
  // Spec default: tolerate inbound GRAFTs up to twice D before pruning.
  private int dHigh = 12;
  // Spec default: gossip to at least as many peers as the mesh holds.
  private int dLazy = 6;
  // Spec v1.1: 4 of D=6 kept by score, the rest random, so new peers can enter.
  private int dScore = 4;
  // Spec v1.1: 2 outbound for D=6 resists inbound sybil takeover of the mesh.
  private int dOut = 2;
  // Spec default: one mesh/gossip round per second.
  private Duration heartbeatInterval = Duration.ofSeconds(1);
  // go-libp2p-pubsub default: first heartbeat soon after start.
  private Duration heartbeatInitialDelay = Duration.ofMillis(100);
  // Spec default: forget fanout peers a minute after the last publish.
  private Duration fanoutTtl = Duration.ofSeconds(60);
  // Spec default: keep full messages for 5 heartbeats to answer IWANT.
  private int mcacheLength = 5;
  // Spec default: advertise the last 3 windows (3 rounds of gossip per message).
  private int mcacheGossip = 3;
  // Spec default: long enough that a message cannot loop back as new.
  private Duration seenTtl = Duration.ofMinutes(2);
  // Bounds memory under a flood of unique ids (~2,000 msg/s over the 2 min TTL).
  private int seenMaxEntries = 1 << 18;
  // Spec v1.1: each peer hears of a fresh message with p ~ 0.58 over 3 rounds.
  private double gossipFactor = 0.25;
  // Spec v1.1 recommended backoff after a PRUNE.
  private Duration pruneBackoff = Duration.ofMinutes(1);
  // Spec v1.1: a peer leaving a topic may come back soon; shorter than prune.
  private Duration unsubscribeBackoff = Duration.ofSeconds(10);
  // Clamp for peer-supplied PRUNE backoffs (a u64 of seconds could be absurd).
  private Duration maxBackoff = Duration.ofHours(1);
  // go/js default: a GRAFT within 10 s of our PRUNE is a flood, penalised twice.
  private Duration graftFloodThreshold = Duration.ofSeconds(10);
  // Spec v1.1: check the median mesh score once a minute at a 1 s heartbeat.
  private int opportunisticGraftTicks = 60;
  // Spec v1.1: graft 2 better-scoring peers when the median is low.
  private int opportunisticGraftPeers = 2;
  // Spec v1.1 (GossipRetransmission): answer IWANT for one message 3 times per peer.
  private int gossipRetransmission = 3;
  // go/js default: caps ids advertised by one peer per heartbeat (IHAVE floods).
  private int maxIhaveLength = 5000;
  // go/js default: caps IHAVE messages from one peer per heartbeat.
  private int maxIhaveMessages = 10;
  // go/js default: an advertised message must arrive within 3 s of our IWANT (P7).
  private Duration iwantFollowupTime = Duration.ofSeconds(3);
  // v1.2 leaves it open; go uses 1 KiB: smaller messages cost less than the IDONTWANT.
  private int idontwantMessageSizeThreshold = 1024;
  // v1.2 max_idontwant_messages (spec says ???); go's value bounds per-peer state.
  private int maxIdontwantMessages = 1000;
  // go default: a duplicate arrives within a few heartbeats or not at all; bounds per-peer state.
  private int idontwantTtlHeartbeats = 3;
  // Spec v1.1 default: own messages to all peers above publishThreshold (anti-eclipse).
  private boolean floodPublish = true;
  // go-libp2p-pubsub default 1 MiB: ICON messages are small; bounds buffering.
  private int maxMessageSize = 1 << 20;
  // Bounds work per RPC; a real peer announces its few topics at once.
  private int maxSubscriptionsPerRpc = 1000;
  // Bounds per-peer subscription state against topic floods.
  private int maxTopicsPerPeer = 1000;
  // Spec v1.1: check direct peers every 5 minutes at a 1 s heartbeat.
  private int directConnectTicks = 300;
  // go default: connect to direct peers shortly after start.
  private Duration directConnectInitialDelay = Duration.ofSeconds(1);
  // go and js default: off; PX lets a pruned peer find others, but is a sybil vector when on.
  private boolean doPx = false;
  // Spec v1.1 / go default: 16 peers per PRUNE is enough to rejoin the topic.
  private int prunePeers = 16;
  // Bounds the subscription index node-wide (maxTopicsPerPeer alone allows peers * 1000).
  private int maxTrackedTopics = 10_000;

  GossipConfigBuilder() {}

  GossipConfigBuilder(GossipConfig c) {
    this.d = c.d();
    this.dLow = c.dLow();
    this.dHigh = c.dHigh();
    this.dLazy = c.dLazy();
    this.dScore = c.dScore();
    this.dOut = c.dOut();
    this.heartbeatInterval = c.heartbeatInterval();
    this.heartbeatInitialDelay = c.heartbeatInitialDelay();
    this.fanoutTtl = c.fanoutTtl();
    this.mcacheLength = c.mcacheLength();
    this.mcacheGossip = c.mcacheGossip();
    this.seenTtl = c.seenTtl();
    this.seenMaxEntries = c.seenMaxEntries();
    this.gossipFactor = c.gossipFactor();
    this.pruneBackoff = c.pruneBackoff();
    this.unsubscribeBackoff = c.unsubscribeBackoff();
    this.maxBackoff = c.maxBackoff();
    this.graftFloodThreshold = c.graftFloodThreshold();
    this.opportunisticGraftTicks = c.opportunisticGraftTicks();
    this.opportunisticGraftPeers = c.opportunisticGraftPeers();
    this.gossipRetransmission = c.gossipRetransmission();
    this.maxIhaveLength = c.maxIhaveLength();
    this.maxIhaveMessages = c.maxIhaveMessages();
    this.iwantFollowupTime = c.iwantFollowupTime();
    this.idontwantMessageSizeThreshold = c.idontwantMessageSizeThreshold();
    this.maxIdontwantMessages = c.maxIdontwantMessages();
    this.idontwantTtlHeartbeats = c.idontwantTtlHeartbeats();
    this.floodPublish = c.floodPublish();
    this.maxMessageSize = c.maxMessageSize();
    this.maxSubscriptionsPerRpc = c.maxSubscriptionsPerRpc();
    this.maxTopicsPerPeer = c.maxTopicsPerPeer();
    this.directConnectTicks = c.directConnectTicks();
    this.directConnectInitialDelay = c.directConnectInitialDelay();
    this.doPx = c.doPx();
    this.prunePeers = c.prunePeers();
    this.maxTrackedTopics = c.maxTrackedTopics();
  }

  /** Sets {@link GossipConfig#d()}. */
  public GossipConfigBuilder d(int v) { d = v; return this; }
  /** Sets {@link GossipConfig#dLow()}. */
  public GossipConfigBuilder dLow(int v) { dLow = v; return this; }
  /** Sets {@link GossipConfig#dHigh()}. */
  public GossipConfigBuilder dHigh(int v) { dHigh = v; return this; }
  /** Sets {@link GossipConfig#dLazy()}. */
  public GossipConfigBuilder dLazy(int v) { dLazy = v; return this; }
  /** Sets {@link GossipConfig#dScore()}. */
  public GossipConfigBuilder dScore(int v) { dScore = v; return this; }
  /** Sets {@link GossipConfig#dOut()}. */
  public GossipConfigBuilder dOut(int v) { dOut = v; return this; }
  /** Sets {@link GossipConfig#heartbeatInterval()}. */
  public GossipConfigBuilder heartbeatInterval(Duration v) { heartbeatInterval = v; return this; }
  /** Sets {@link GossipConfig#heartbeatInitialDelay()}. */
  public GossipConfigBuilder heartbeatInitialDelay(Duration v) { heartbeatInitialDelay = v; return this; }
  /** Sets {@link GossipConfig#fanoutTtl()}. */
  public GossipConfigBuilder fanoutTtl(Duration v) { fanoutTtl = v; return this; }
  /** Sets {@link GossipConfig#mcacheLength()}. */
  public GossipConfigBuilder mcacheLength(int v) { mcacheLength = v; return this; }
  /** Sets {@link GossipConfig#mcacheGossip()}. */
  public GossipConfigBuilder mcacheGossip(int v) { mcacheGossip = v; return this; }
  /** Sets {@link GossipConfig#seenTtl()}. */
  public GossipConfigBuilder seenTtl(Duration v) { seenTtl = v; return this; }
  /** Sets {@link GossipConfig#seenMaxEntries()}. */
  public GossipConfigBuilder seenMaxEntries(int v) { seenMaxEntries = v; return this; }
  /** Sets {@link GossipConfig#gossipFactor()}. */
  public GossipConfigBuilder gossipFactor(double v) { gossipFactor = v; return this; }
  /** Sets {@link GossipConfig#pruneBackoff()}. */
  public GossipConfigBuilder pruneBackoff(Duration v) { pruneBackoff = v; return this; }
  /** Sets {@link GossipConfig#unsubscribeBackoff()}. */
  public GossipConfigBuilder unsubscribeBackoff(Duration v) { unsubscribeBackoff = v; return this; }
  /** Sets {@link GossipConfig#maxBackoff()}. */
  public GossipConfigBuilder maxBackoff(Duration v) { maxBackoff = v; return this; }
  /** Sets {@link GossipConfig#graftFloodThreshold()}. */
  public GossipConfigBuilder graftFloodThreshold(Duration v) { graftFloodThreshold = v; return this; }
  /** Sets {@link GossipConfig#opportunisticGraftTicks()}. */
  public GossipConfigBuilder opportunisticGraftTicks(int v) { opportunisticGraftTicks = v; return this; }
  /** Sets {@link GossipConfig#opportunisticGraftPeers()}. */
  public GossipConfigBuilder opportunisticGraftPeers(int v) { opportunisticGraftPeers = v; return this; }
  /** Sets {@link GossipConfig#gossipRetransmission()}. */
  public GossipConfigBuilder gossipRetransmission(int v) { gossipRetransmission = v; return this; }
  /** Sets {@link GossipConfig#maxIhaveLength()}. */
  public GossipConfigBuilder maxIhaveLength(int v) { maxIhaveLength = v; return this; }
  /** Sets {@link GossipConfig#maxIhaveMessages()}. */
  public GossipConfigBuilder maxIhaveMessages(int v) { maxIhaveMessages = v; return this; }
  /** Sets {@link GossipConfig#iwantFollowupTime()}. */
  public GossipConfigBuilder iwantFollowupTime(Duration v) { iwantFollowupTime = v; return this; }
  /** Sets {@link GossipConfig#idontwantMessageSizeThreshold()}. */
  public GossipConfigBuilder idontwantMessageSizeThreshold(int v) { idontwantMessageSizeThreshold = v; return this; }
  /** Sets {@link GossipConfig#maxIdontwantMessages()}. */
  public GossipConfigBuilder maxIdontwantMessages(int v) { maxIdontwantMessages = v; return this; }
  /** Sets {@link GossipConfig#idontwantTtlHeartbeats()}. */
  public GossipConfigBuilder idontwantTtlHeartbeats(int v) { idontwantTtlHeartbeats = v; return this; }
  /** Sets {@link GossipConfig#floodPublish()}. */
  public GossipConfigBuilder floodPublish(boolean v) { floodPublish = v; return this; }
  /** Sets {@link GossipConfig#maxMessageSize()}. */
  public GossipConfigBuilder maxMessageSize(int v) { maxMessageSize = v; return this; }
  /** Sets {@link GossipConfig#maxSubscriptionsPerRpc()}. */
  public GossipConfigBuilder maxSubscriptionsPerRpc(int v) { maxSubscriptionsPerRpc = v; return this; }
  /** Sets {@link GossipConfig#maxTopicsPerPeer()}. */
  public GossipConfigBuilder maxTopicsPerPeer(int v) { maxTopicsPerPeer = v; return this; }
  /** Sets {@link GossipConfig#directConnectTicks()}. */
  public GossipConfigBuilder directConnectTicks(int v) { directConnectTicks = v; return this; }
  /** Sets {@link GossipConfig#directConnectInitialDelay()}. */
  public GossipConfigBuilder directConnectInitialDelay(Duration v) { directConnectInitialDelay = v; return this; }
  /** Sets {@link GossipConfig#doPx()}. */
  public GossipConfigBuilder doPx(boolean v) { doPx = v; return this; }
  /** Sets {@link GossipConfig#prunePeers()}. */
  public GossipConfigBuilder prunePeers(int v) { prunePeers = v; return this; }
  /** Sets {@link GossipConfig#maxTrackedTopics()}. */
  public GossipConfigBuilder maxTrackedTopics(int v) { maxTrackedTopics = v; return this; }

  /**
   * Builds and validates.
   *
   * @throws IllegalArgumentException naming the first field that breaks an invariant
   */
  public GossipConfig build() {
    return new GossipConfig(
        d, dLow, dHigh, dLazy, dScore, dOut, heartbeatInterval, heartbeatInitialDelay,
        fanoutTtl, mcacheLength, mcacheGossip, seenTtl, seenMaxEntries, gossipFactor,
        pruneBackoff, unsubscribeBackoff, maxBackoff, graftFloodThreshold,
        opportunisticGraftTicks, opportunisticGraftPeers, gossipRetransmission,
        maxIhaveLength, maxIhaveMessages, iwantFollowupTime, idontwantMessageSizeThreshold,
        maxIdontwantMessages, idontwantTtlHeartbeats, floodPublish, maxMessageSize,
        maxSubscriptionsPerRpc, maxTopicsPerPeer, directConnectTicks, directConnectInitialDelay,
        doPx, prunePeers, maxTrackedTopics);
  }
}
