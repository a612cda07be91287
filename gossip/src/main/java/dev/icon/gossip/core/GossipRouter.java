package dev.icon.gossip.core;

import com.google.protobuf.ByteString;
import dev.icon.gossip.api.MessageId;
import dev.icon.gossip.wire.MessageSignatureValidator;
import dev.icon.gossip.wire.MessageSigner;
import dev.icon.gossip.wire.SignaturePolicy;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.proto.libp2p.pubsub.ControlGraft;
import dev.icon.proto.libp2p.pubsub.ControlIDontWant;
import dev.icon.proto.libp2p.pubsub.ControlMessage;
import dev.icon.proto.libp2p.pubsub.ControlPrune;
import dev.icon.proto.libp2p.pubsub.Message;
import dev.icon.proto.libp2p.pubsub.RPC;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The gossipsub v1.1/v1.2 router: a transport-agnostic state machine. The host binding
 * reports connections ({@link #addPeer}, {@link #removePeer}), decoded RPCs ({@link #handleRpc}) and
 * calls {@link #heartbeat()} every {@code heartbeatInterval}; the router answers through the
 * {@link GossipPeerLink} and delivers messages through {@link GossipDelivery}; application
 * validation, events and peer exchange go through {@link GossipRouterHooks}. Each entry point
 * sends what it produced, one RPC per peer, before returning.
 *
 * <p>Threading: not thread-safe. Every method must be called on one executor (the router's event
 * loop, which must also be {@link GossipRouterHooks#executor()}: asynchronous validation verdicts
 * resume there); time and randomness come only from the {@link GossipRouterOptions}.
 */
public final class GossipRouter {
  private final RouterState s;
  private final GossipPeerLink link;
  private final MeshManager meshes;
  private final Forwarder forwarder;
  private final Publisher publisher;
  private final GossipEmitter gossip;
  private final ValidationPipeline validation;
  private final ScoreRefresher scores;
  private long ticks;

  /**
   * A router publishing as {@code key}'s peer id.
   *
   * @param key our identity; messages are signed with it (StrictSign)
   * @param options parameters, clock and randomness
   * @param link outbound RPCs
   * @param delivery first-seen valid messages of our topics
   */
  public GossipRouter(PrivateKey key, GossipRouterOptions options, GossipPeerLink link,
      GossipDelivery delivery) {
    this(key, options, link, delivery, GossipRouterHooks.none());
  }

  /**
   * A router with application validation, events and peer exchange (see {@link GossipRouterHooks}).
   *
   * @param key our identity; StrictSign messages are signed with it
   * @param options parameters, clock, randomness, signature policy, validation limits
   * @param link outbound RPCs
   * @param delivery first-seen valid messages of our topics
   * @param hooks the optional seams
   */
  public GossipRouter(PrivateKey key, GossipRouterOptions options, GossipPeerLink link,
      GossipDelivery delivery, GossipRouterHooks hooks) {
    Objects.requireNonNull(hooks, "hooks");
    MessageSigner signer = new MessageSigner(Objects.requireNonNull(key, "key"));
    this.s = new RouterState(signer.author(), options, hooks.listener());
    this.link = Objects.requireNonNull(link, "link");
    this.meshes = new MeshManager(s, new PeerExchanger(s, hooks.peerExchange()));
    this.forwarder = new Forwarder(s, options.idFunction(),
        new MessageSignatureValidator(options.signaturePolicy()), Objects.requireNonNull(delivery));
    this.validation = new ValidationPipeline(s, options, hooks, forwarder::accept, this::flush);
    forwarder.pipeline(validation);
    boolean signing = options.signaturePolicy() == SignaturePolicy.STRICT_SIGN;
    this.publisher = new Publisher(s, signing ? signer : null, options.idFunction(), meshes);
    this.gossip = new GossipEmitter(s);
    this.scores = new ScoreRefresher(s, options);
  }

  /**
   * Marks {@code peer} as a direct (explicit) peer (v1.1): it leaves any mesh it is in (with a
   * PRUNE), is never grafted, its GRAFTs are answered with PRUNE without penalty, it receives our
   * publishes and forwards of every topic it is subscribed to, it is not gossiped to and is exempt
   * from graylisting. The binding keeps the connection up. Idempotent.
   */
  public void addDirectPeer(PeerId peer) {
    if (s.direct.add(Objects.requireNonNull(peer, "peer"))) {
      meshes.makeDirect(peer);
      flush();
    }
  }

  /** Makes {@code peer} an ordinary peer again (the mesh may graft it at the next heartbeat). */
  public void removeDirectPeer(PeerId peer) {
    s.direct.remove(peer);
  }

  /** Direct peers (snapshot, connected or not). */
  public Set<PeerId> directPeers() {
    return Set.copyOf(s.direct);
  }

  /** Our peer id (the {@code from} of our StrictSign messages). */
  public PeerId self() {
    return s.self;
  }

  /**
   * A pubsub stream to {@code peer} is open, speaking {@code protocolId} (see
   * {@link GossipProtocols}); we send it our subscriptions. A second call for a connected peer is
   * ignored.
   */
  public void addPeer(PeerId peer, boolean outbound, String protocolId) {
    addPeer(peer, outbound, protocolId, null);
  }

  /** As {@link #addPeer(PeerId, boolean, String)}, with the peer's IP for colocation scoring (P6). */
  public void addPeer(PeerId peer, boolean outbound, String protocolId, InetAddress ip) {
    if (!s.table.addPeer(peer, outbound, protocolId)) {
      return;
    }
    s.score.addPeer(peer, ip);
    scores.peerAdded(peer);
    for (String topic : s.table.ours()) {
      s.outbox.subscription(peer, topic, true);
    }
    flush();
  }

  /** The peer's pubsub streams are gone: it leaves meshes, fanout and every tracker. */
  public void removePeer(PeerId peer) {
    SubscriptionTable.PeerInfo info = s.table.removePeer(peer);
    if (info == null) {
      return;
    }
    meshes.dropEverywhere(peer);
    scores.peerRemoved(peer);
    s.ihaveLimiter.removePeer(peer);
    s.dontWant.removePeer(peer);
    s.score.removePeer(peer);
  }

  /**
   * A decoded RPC from {@code from}. Ignored entirely when the peer is unknown or graylisted (direct
   * peers are never graylisted). Only the first {@code maxSubscriptionsPerRpc} subscription changes
   * are applied.
   */
  public void handleRpc(PeerId from, RPC rpc) {
    if (s.table.info(from) == null
        || (s.thresholds.isGraylisted(s.scoreOf(from)) && !s.direct.contains(from))) {
      return;
    }
    List<RPC.SubOpts> subs = rpc.getSubscriptionsList();
    int limit = Math.min(subs.size(), s.config.maxSubscriptionsPerRpc());
    for (RPC.SubOpts sub : subs.subList(0, limit)) {
      applySubscription(from, sub);
    }
    for (Message msg : rpc.getPublishList()) {
      forwarder.handle(from, msg);
    }
    if (rpc.hasControl() && s.table.info(from).gossipsub()) {
      handleControl(from, rpc.getControl());
    }
    flush();
  }

  private void applySubscription(PeerId from, RPC.SubOpts sub) {
    if (!sub.hasTopicid()) {
      return;
    }
    boolean subscribe = sub.getSubscribe();
    if (!s.table.apply(from, sub.getTopicid(), subscribe)) {
      return;
    }
    if (!subscribe) {
      meshes.dropFromTopic(from, sub.getTopicid());
    }
    s.listener.peerSubscription(sub.getTopicid(), from, subscribe);
  }

  private void handleControl(PeerId from, ControlMessage control) {
    for (ControlIDontWant idw : control.getIdontwantList()) {
      List<MessageId> ids = new ArrayList<>(idw.getMessageIDsCount());
      for (ByteString raw : idw.getMessageIDsList()) {
        ids.add(MessageId.of(raw.toByteArray()));
      }
      s.dontWant.add(from, ids);
    }
    gossip.handleIhave(from, control.getIhaveList());
    gossip.handleIwant(from, control.getIwantList());
    for (ControlGraft graft : control.getGraftList()) {
      meshes.handleGraft(from, graft.getTopicID());
    }
    for (ControlPrune prune : control.getPruneList()) {
      meshes.handlePrune(from, prune);
    }
  }

  /** Subscribes to {@code topic}: announces it to every peer and joins the mesh. Idempotent. */
  public void subscribe(String topic) {
    if (!s.table.subscribe(Objects.requireNonNull(topic, "topic"))) {
      return;
    }
    for (PeerId p : s.table.peers()) {
      s.outbox.subscription(p, topic, true);
    }
    meshes.join(topic);
    flush();
  }

  /** Unsubscribes: PRUNEs the mesh (unsubscribe backoff) and announces it. Idempotent. */
  public void unsubscribe(String topic) {
    if (!s.table.unsubscribe(topic)) {
      return;
    }
    meshes.leave(topic);
    for (PeerId p : s.table.peers()) {
      s.outbox.subscription(p, topic, false);
    }
    flush();
  }

  /**
   * Signs (StrictSign) and sends a message; see {@link PublishResult}. Topics need not be
   * subscribed. Application validators are not run: the caller validates before publishing.
   */
  public PublishResult publish(String topic, byte[] data) {
    PublishResult result = publisher.publish(Objects.requireNonNull(topic, "topic"), data.clone());
    s.listener.published(topic, result.id(), result.peers());
    flush();
    return result;
  }

  /**
   * One heartbeat, in the order of {@code dev.icon.gossip.router}'s package notes: score decay when
   * due (with score-change events), meshes, fanout, gossip emission, then the caches' and
   * trackers' housekeeping and the expiry of timed-out validations.
   */
  public void heartbeat() {
    ticks++;
    scores.heartbeat();
    meshes.heartbeatMeshes(ticks);
    meshes.heartbeatFanout();
    gossip.emit();
    s.mcache.shift();
    s.backoff.expire();
    for (Map.Entry<PeerId, Integer> broken : s.promises.collectBroken().entrySet()) {
      s.score.addPenalty(broken.getKey(), broken.getValue());
    }
    s.ihaveLimiter.reset();
    s.dontWant.heartbeat();
    s.seen.expire();
    validation.expire();
    flush();
  }

  /** Peers in our mesh of {@code topic} (snapshot). */
  public Set<PeerId> meshPeers(String topic) {
    return Set.copyOf(s.meshOf(topic));
  }

  /** Fanout peers of {@code topic}, a topic we publish to without subscribing (snapshot). */
  public Set<PeerId> fanoutPeers(String topic) {
    return Set.copyOf(s.fanout.peers(topic));
  }

  /** Peers known to be subscribed to {@code topic} (snapshot). */
  public Set<PeerId> topicPeers(String topic) {
    return Set.copyOf(s.table.topicPeers(topic));
  }

  /** Messages waiting for an asynchronous validation verdict. */
  public int pendingValidations() {
    return validation.pendingCount();
  }

  /** The current score of {@code peer} (0 when scoring is off or the peer is unknown). */
  public double score(PeerId peer) {
    return s.scoreOf(peer);
  }

  private void flush() {
    s.outbox.flush(link);
  }
}
