package dev.icon.gossip.core;

import dev.icon.gossip.router.BackoffTracker;
import dev.icon.gossip.router.DontWantTracker;
import dev.icon.gossip.router.FanoutState;
import dev.icon.gossip.router.GossipConfig;
import dev.icon.gossip.router.IhaveLimiter;
import dev.icon.gossip.router.MeshCandidate;
import dev.icon.gossip.router.MessageCache;
import dev.icon.gossip.router.PeerGossipPromises;
import dev.icon.gossip.router.SeenCache;
import dev.icon.gossip.score.PeerScore;
import dev.icon.gossip.score.PeerScoreThresholds;
import dev.icon.overlay.identity.PeerId;
import dev.icon.proto.libp2p.pubsub.Message;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * The router's shared state, owned by {@link GossipRouter} and handed to its parts (mesh,
 * publisher, forwarder, gossip). Package-private; not thread-safe (one executor).
 */
final class RouterState {
  final PeerId self;
  final GossipConfig config;
  final PeerScoreThresholds thresholds;
  final LongSupplier clock;
  final RandomGenerator random;
  final PeerScore score;
  final SubscriptionTable table;
  final Map<String, Set<PeerId>> mesh = new LinkedHashMap<>();
  final FanoutState<PeerId> fanout;
  final MessageCache<PeerId, Message> mcache;
  final SeenCache seen;
  final BackoffTracker<PeerId> backoff;
  final PeerGossipPromises<PeerId> promises;
  final IhaveLimiter<PeerId> ihaveLimiter;
  final DontWantTracker<PeerId> dontWant;
  final Outbox outbox = new Outbox();
  /** Direct (explicit) peers: never in a mesh, always sent our topics' messages. */
  final Set<PeerId> direct = new LinkedHashSet<>();
  final GossipRouterListener listener;

  RouterState(PeerId self, GossipRouterOptions options, GossipRouterListener listener) {
    this.listener = GuardedListener.wrap(listener);
    this.self = self;
    this.config = options.config();
    this.thresholds = options.thresholds();
    this.clock = options.nanoClock();
    this.random = options.random();
    this.score = new PeerScore(options.scoreParams(), clock);
    this.table = new SubscriptionTable(config.maxTopicsPerPeer(), config.maxTrackedTopics());
    this.fanout = FanoutState.create(config, clock);
    this.mcache = MessageCache.create(config);
    this.seen = SeenCache.create(config, clock);
    this.backoff = BackoffTracker.create(config, clock);
    this.promises = PeerGossipPromises.create(config, clock, random);
    this.ihaveLimiter = IhaveLimiter.create(config);
    this.dontWant = DontWantTracker.create(config);
  }

  double scoreOf(PeerId peer) {
    return score.score(peer);
  }

  /** Mesh of {@code topic} (live, may be empty and unregistered). */
  Set<PeerId> meshOf(String topic) {
    return mesh.getOrDefault(topic, Set.of());
  }

  Set<PeerId> meshForUpdate(String topic) {
    return mesh.computeIfAbsent(topic, k -> new LinkedHashSet<>());
  }

  /**
   * Gossipsub (not floodsub) peers subscribed to {@code topic}, direct peers excluded, as mesh,
   * fanout and gossip candidates.
   */
  List<MeshCandidate<PeerId>> candidates(String topic) {
    List<MeshCandidate<PeerId>> out = new ArrayList<>();
    for (PeerId p : table.topicPeers(topic)) {
      SubscriptionTable.PeerInfo info = table.info(p);
      if (info != null && info.gossipsub() && !direct.contains(p)) {
        out.add(new MeshCandidate<>(p, scoreOf(p), info.outbound));
      }
    }
    return out;
  }

  /** Connected direct peers subscribed to {@code topic}. */
  List<PeerId> directPeersOf(String topic) {
    List<PeerId> out = new ArrayList<>();
    for (PeerId p : direct) {
      if (table.topicPeers(topic).contains(p)) {
        out.add(p);
      }
    }
    return out;
  }

  List<MeshCandidate<PeerId>> asCandidates(Collection<PeerId> peers) {
    List<MeshCandidate<PeerId>> out = new ArrayList<>(peers.size());
    for (PeerId p : peers) {
      SubscriptionTable.PeerInfo info = table.info(p);
      out.add(new MeshCandidate<>(p, scoreOf(p), info != null && info.outbound));
    }
    return out;
  }

  /** Backoff seconds to put in a PRUNE to {@code peer}, or -1 for a v1.0 peer. */
  long pruneBackoffSeconds(PeerId peer, java.time.Duration backoff) {
    SubscriptionTable.PeerInfo info = table.info(peer);
    if (info == null || !GossipProtocols.supportsBackoff(info.protocolId)) {
      return -1;
    }
    // Round up: a sub-second backoff must not reach the wire as "0" (which means "default").
    return (backoff.toMillis() + 999) / 1000;
  }
}
