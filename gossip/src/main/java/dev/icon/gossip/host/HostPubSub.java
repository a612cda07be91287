package dev.icon.gossip.host;

import dev.icon.gossip.api.AsyncTopicValidator;
import dev.icon.gossip.api.GossipError;
import dev.icon.gossip.api.GossipException;
import dev.icon.gossip.api.GossipListener;
import dev.icon.gossip.api.GossipSettings;
import dev.icon.gossip.api.MessageHandler;
import dev.icon.gossip.api.PubSub;
import dev.icon.gossip.api.PublishOutcome;
import dev.icon.gossip.api.Registration;
import dev.icon.gossip.api.Subscription;
import dev.icon.gossip.api.TopicValidator;
import dev.icon.gossip.core.GossipProtocols;
import dev.icon.gossip.core.GossipRouter;
import dev.icon.gossip.core.GossipRouterHooks;
import dev.icon.gossip.core.GossipRouterOptions;
import dev.icon.gossip.router.GossipConfig;
import dev.icon.gossip.wire.SignaturePolicy;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@link PubSub} implementation on an overlay host: wires {@link PubsubStreams} (protocols,
 * streams, framing), a {@link GossipRouter} on its own {@link RouterLoop} thread, the heartbeat,
 * validators, listeners, metrics, direct peers and peer exchange. Use
 * {@code GossipBuilder.on(host).identity(key).build()} rather than this class directly.
 *
 * <p>Threading: every public method may be called from any thread (see {@link PubSub}).
 */
public final class HostPubSub implements PubSub {
  /** Per-peer outbound queue bound: frames beyond it are dropped and counted. */
  static final long MAX_QUEUED_BYTES_PER_PEER = 32L << 20;
  /** Wire envelope allowed around one maximal message in an RPC. */
  static final int RPC_ENVELOPE = 64;

  private final GossipSettings settings;
  private final PeerId self;
  private final RouterLoop loop;
  private final GossipMetrics metrics;
  private final TopicHandlers handlers;
  private final TopicValidators validators;
  private final ListenerBridge listeners;
  private final PubsubStreams streams;
  private final GossipRouter router;
  private final OwnPublisher publisher;
  private final DirectPeers direct;
  private final MeshRedial redial;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Object subscriptionLock = new Object();
  private volatile ScheduledFuture<?> heartbeat;
  private long ticks;

  private HostPubSub(Host host, PrivateKey key, GossipSettings s, MeterRegistry registry,
      List<String> protocols) {
    this.settings = s;
    this.self = key.publicKey().peerId();
    GossipConfig config = s.config();
    GossipRouterOptions options;
    try {
      options = new GossipRouterOptions(config, s.scoreParams(), s.thresholds(), s.idFunction(),
          System::nanoTime, new SplittableRandom(new SecureRandom().nextLong()),
          s.signaturePolicy(), s.validationTimeout(),
          GossipRouterOptions.DEFAULT_MAX_PENDING_VALIDATIONS);
    } catch (IllegalArgumentException e) {
      throw new GossipException(GossipError.INVALID_CONFIG, e.getMessage());
    }
    this.loop = new RouterLoop("icon-gossip-" + shortId(self));
    this.metrics = new GossipMetrics(registry, s.metricsPrefix(), self.toBase58());
    this.handlers = new TopicHandlers(metrics);
    this.validators = new TopicValidators(s.validationTimeout());
    this.listeners = new ListenerBridge(metrics);
    int maxRpc = config.maxMessageSize() + RPC_ENVELOPE;
    this.redial = new MeshRedial(host, loop);
    this.streams = new PubsubStreams(host, protocols, maxRpc, MAX_QUEUED_BYTES_PER_PEER, metrics,
        new RouterEvents(loop, this::router, metrics, this::peerRemoving), loop);
    PxConnector px = new PxConnector(host, config.dHigh(), t -> routerTopicPeers(t));
    this.router = new GossipRouter(key, options, streams, handlers,
        new GossipRouterHooks(listeners, validators, px, loop));
    this.publisher = new OwnPublisher(loop, router, validators, metrics, key,
        s.signaturePolicy() == SignaturePolicy.STRICT_SIGN, config.maxMessageSize(),
        s.allowPublishToZeroPeers());
    this.direct = new DirectPeers(host, s.directPeers());
  }

  /**
   * Starts pub/sub on the started {@code host}, signing with {@code key} (the host's identity key).
   *
   * @throws GossipException {@link GossipError#INVALID_CONFIG} when {@code key} is not the host's
   */
  public static PubSub start(Host host, PrivateKey key, GossipSettings settings,
      MeterRegistry registry) {
    Objects.requireNonNull(settings, "settings");
    List<String> protocols = new ArrayList<>(GossipProtocols.PREFERENCE);
    if (!settings.floodsub()) {
      protocols.remove(GossipProtocols.FLOODSUB);
    }
    return start(host, key, settings, registry, protocols);
  }

  /** As the public start, offering only {@code protocols} (tests of older peers). */
  static PubSub start(Host host, PrivateKey key, GossipSettings settings, MeterRegistry registry,
      List<String> protocols) {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(registry, "registry");
    if (!key.publicKey().peerId().equals(host.peerId())) {
      throw new GossipException(GossipError.INVALID_CONFIG,
          "identity: the key's peer id " + key.publicKey().peerId() + " is not the host's "
              + host.peerId());
    }
    HostPubSub p = new HostPubSub(host, key, settings, registry, protocols);
    p.begin();
    return p;
  }

  private void begin() {
    GossipConfig c = settings.config();
    loop.execute(() -> direct.peers().forEach(router::addDirectPeer));
    streams.start();
    heartbeat = loop.every(c.heartbeatInitialDelay(), c.heartbeatInterval(), this::tick);
    if (!settings.directPeers().isEmpty()) {
      loop.after(c.directConnectInitialDelay(), direct::dialMissing);
    }
  }

  private void tick() {
    router.heartbeat();
    ticks++;
    for (String t : handlers.topics()) {
      metrics.meshSize(t, router.meshPeers(t).size());
    }
    if (ticks % settings.config().directConnectTicks() == 0 && !settings.directPeers().isEmpty()) {
      direct.dialMissing();
    }
  }

  private GossipRouter router() {
    return router;
  }

  /** Router thread: a peer whose connections are gone is about to leave the router. */
  private void peerRemoving(PeerId peer) {
    if (!closed.get() && handlers.topics().stream()
        .anyMatch(t -> router.meshPeers(t).contains(peer))) {
      redial.lost(peer);
    }
  }

  private int routerTopicPeers(String topic) {
    return router.topicPeers(topic).size();
  }

  @Override
  public PeerId self() {
    return self;
  }

  @Override
  public Subscription subscribe(String topic, MessageHandler handler) {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(handler, "handler");
    synchronized (subscriptionLock) {
      checkOpen();
      if (!handlers.topics().contains(topic) && handlers.topicCount() >= settings.maxTopics()) {
        throw new GossipException(GossipError.TOO_MANY_TOPICS,
            "already subscribed to " + settings.maxTopics() + " topics (maxTopics)");
      }
      if (handlers.add(topic, handler)) {
        metrics.meshSize(topic, 0);
        loop.execute(() -> router.subscribe(topic));
      }
    }
    return new HandlerSubscription(topic, () -> cancel(topic, handler));
  }

  /** Cancels one handler's subscription; the last one of a topic leaves it. */
  private void cancel(String topic, MessageHandler handler) {
    synchronized (subscriptionLock) {
      if (handlers.remove(topic, handler)) {
        metrics.topicLeft(topic);
        loop.execute(() -> router.unsubscribe(topic));
      }
    }
  }

  @Override
  public CompletableFuture<PublishOutcome> publish(String topic, byte[] data) {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(data, "data");
    if (closed.get()) {
      return CompletableFuture.failedFuture(new GossipException(GossipError.CLOSED,
          "pub/sub is closed"));
    }
    return publisher.publish(topic, data.clone());
  }

  @Override
  public Registration addValidator(String topic, TopicValidator validator) {
    return validators.add(topic, validator);
  }

  @Override
  public Registration addAsyncValidator(String topic, AsyncTopicValidator validator) {
    return validators.add(topic, validator);
  }

  @Override
  public Registration addListener(GossipListener listener) {
    return listeners.add(listener);
  }

  @Override
  public Set<String> topics() {
    return handlers.topics();
  }

  @Override
  public CompletableFuture<Set<PeerId>> meshPeers(String topic) {
    return loop.call(() -> router.meshPeers(topic));
  }

  @Override
  public CompletableFuture<Set<PeerId>> topicPeers(String topic) {
    return loop.call(() -> router.topicPeers(topic));
  }

  @Override
  public CompletableFuture<Double> score(PeerId peer) {
    return loop.call(() -> router.score(peer));
  }

  /** The stream side (tests). */
  PubsubStreams streams() {
    return streams;
  }

  /** Peers with an open pubsub stream (snapshot). */
  public Set<PeerId> peers() {
    return streams.peers();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    Set<String> left;
    synchronized (subscriptionLock) {
      left = handlers.clear();
    }
    if (heartbeat != null) {
      heartbeat.cancel(false);
    }
    if (loop.inLoop()) {
      redial.close();
      left.forEach(router::unsubscribe); // closed from a handler or listener
    } else {
      CompletableFuture<Void> unsubscribed = loop.call(() -> {
        redial.close();
        left.forEach(router::unsubscribe);
        return null;
      });
      try {
        unsubscribed.get(2, TimeUnit.SECONDS);
      } catch (Exception e) {
        // best effort: the PRUNEs are a courtesy; we are closing anyway
      }
    }
    streams.close();
    loop.shutdown();
    metrics.close();
  }

  private void checkOpen() {
    if (closed.get()) {
      throw new GossipException(GossipError.CLOSED, "pub/sub is closed");
    }
  }

  private static String shortId(PeerId p) {
    String b = p.toBase58();
    return b.substring(Math.max(0, b.length() - 6));
  }
}
