package dev.icon.interop;

import dev.icon.gossip.api.GossipBuilder;
import dev.icon.gossip.api.GossipMessage;
import dev.icon.gossip.api.PubSub;
import dev.icon.gossip.api.PublishOutcome;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.overlay.multiaddr.Multiaddr;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * An in-JVM gossipsub node for interop tests: an overlay host on 127.0.0.1 (port 0) with a
 * {@link PubSub} built on it, recording every message its subscriptions deliver. Being in-JVM, a
 * test reads scores and metrics directly, which a process cannot offer.
 *
 * <p>Thread-safe: messages are recorded on the router thread and read from the test thread.
 * {@link #close()} closes the pub/sub, then stops the host.
 */
final class JavaGossipPeer implements AutoCloseable {

  private static final long STOP_SECONDS = 20;

  final Host host;
  final PubSub pubsub;
  final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  private final Map<String, List<GossipMessage>> received = new ConcurrentHashMap<>();

  /** A node with the default settings (StrictSign, js-compatible message ids). */
  JavaGossipPeer() {
    this(UnaryOperator.identity());
  }

  /** A node whose builder is adjusted by {@code settings} (config, scoring...) before build. */
  JavaGossipPeer(UnaryOperator<GossipBuilder> settings) {
    PrivateKey key = PrivateKey.generateEd25519();
    host = Host.builder().identity(key).listen("/ip4/127.0.0.1/tcp/0").build();
    host.start().join();
    try {
      pubsub = settings.apply(GossipBuilder.on(host).identity(key).meterRegistry(metrics)).build();
    } catch (RuntimeException e) {
      host.stop().orTimeout(STOP_SECONDS, TimeUnit.SECONDS).join();
      throw e;
    }
  }

  PeerId id() {
    return host.peerId();
  }

  /** The listen address with {@code /p2p/}, what the js peer dials. */
  String addr() {
    return host.dialAddrs().get(0).toString();
  }

  /** Subscribes and records what {@code topic} delivers. */
  JavaGossipPeer subscribe(String topic) {
    List<GossipMessage> list = received.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>());
    pubsub.subscribe(topic, list::add);
    return this;
  }

  /** Dials {@code addr} (with /p2p/) and waits for the connection. */
  void dial(String addr) {
    dialAsync(addr).join();
  }

  /** Dials {@code addr} (with /p2p/); the future completes (within a bound) when connected. */
  java.util.concurrent.CompletableFuture<?> dialAsync(String addr) {
    return host.dial(Multiaddr.parse(addr)).orTimeout(STOP_SECONDS, TimeUnit.SECONDS);
  }

  /** Messages delivered so far on {@code topic}, in delivery order (snapshot). */
  List<GossipMessage> received(String topic) {
    return List.copyOf(received.getOrDefault(topic, List.of()));
  }

  PublishOutcome publish(String topic, String text) {
    return pubsub.publish(topic, text.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .orTimeout(STOP_SECONDS, TimeUnit.SECONDS).join();
  }

  Set<PeerId> topicPeers(String topic) {
    return pubsub.topicPeers(topic).orTimeout(STOP_SECONDS, TimeUnit.SECONDS).join();
  }

  Set<PeerId> meshPeers(String topic) {
    return pubsub.meshPeers(topic).orTimeout(STOP_SECONDS, TimeUnit.SECONDS).join();
  }

  double score(PeerId peer) {
    return pubsub.score(peer).orTimeout(STOP_SECONDS, TimeUnit.SECONDS).join();
  }

  /** The {@code icon.gossip.messages.rejected} count for {@code reason} (0 if none yet). */
  double rejected(String reason) {
    var counter = metrics.find("icon.gossip.messages.rejected").tag("reason", reason).counter();
    return counter == null ? 0 : counter.count();
  }

  /**
   * Control entries of {@code type} (ihave, iwant, graft, prune) this node sent to ({@code
   * "sent"}) or received from ({@code "received"}) the peers in {@code remotes} (base58 ids), from
   * the {@code icon.gossip.control.*} meters.
   */
  double control(String direction, String type, Set<String> remotes) {
    return metrics.find("icon.gossip.control." + direction).tag("type", type).counters().stream()
        .filter(c -> remotes.contains(c.getId().getTag("remote")))
        .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
  }

  @Override
  public void close() {
    try {
      pubsub.close();
    } finally {
      host.stop().orTimeout(STOP_SECONDS, TimeUnit.SECONDS).join();
    }
  }
}
