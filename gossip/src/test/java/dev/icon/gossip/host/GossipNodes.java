package dev.icon.gossip.host;

import dev.icon.gossip.api.GossipBuilder;
import dev.icon.gossip.api.GossipMessage;
import dev.icon.gossip.api.PubSub;
import dev.icon.gossip.router.GossipConfig;
import dev.icon.overlay.api.DhtMode;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.api.HostConfig;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.overlay.kad.KadConfig;
import dev.icon.overlay.multiaddr.Multiaddr;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/** Real hosts on 127.0.0.1 port 0 with pub/sub on each; closes everything it started. */
final class GossipNodes implements AutoCloseable {

  /** One node: its host, key, pub/sub and meter registry. */
  record Node(Host host, PrivateKey key, PubSub pubsub, MeterRegistry registry) {
    PeerId id() {
      return host.peerId();
    }

    Multiaddr addr() {
      return host.listenAddrs().get(0).withPeerId(host.peerId());
    }

    /** Counter or gauge value of {@code name} (tags ignored, summed), 0 when absent. */
    double meter(String name) {
      return registry.find(name).meters().stream()
          .mapToDouble(m -> m.measure().iterator().next().getValue()).sum();
    }
  }

  private final List<Host> hosts = new ArrayList<>();
  private final List<PubSub> pubsubs = new ArrayList<>();

  /** A started host without pub/sub. */
  Host host(PrivateKey key) {
    Host h = Host.builder().identity(key).config(HostConfig.forTests())
        .listen("/ip4/127.0.0.1/tcp/0").build();
    hosts.add(h);
    h.start().join();
    return h;
  }

  /** A started host without pub/sub, with the DHT in {@code mode} ({@link KadConfig#forTests()}). */
  Host dhtHost(DhtMode mode) {
    return dhtHost(mode, PrivateKey.generateEd25519());
  }

  private Host dhtHost(DhtMode mode, PrivateKey key) {
    Host h = Host.builder().identity(key).config(HostConfig.forTests())
        .listen("/ip4/127.0.0.1/tcp/0").dht(mode, KadConfig.forTests()).build();
    hosts.add(h);
    h.start().join();
    return h;
  }

  /** A node with test timings ({@link GossipConfig#forTests()}) and publishing to nobody refused. */
  Node start(UnaryOperator<GossipBuilder> custom) {
    return start(custom, null);
  }

  /** As {@link #start(UnaryOperator)}, on a host with the DHT in {@code mode} (none if null). */
  Node start(UnaryOperator<GossipBuilder> custom, DhtMode mode) {
    PrivateKey key = PrivateKey.generateEd25519();
    Host h = mode == null ? host(key) : dhtHost(mode, key);
    MeterRegistry registry = new SimpleMeterRegistry();
    PubSub ps = custom.apply(GossipBuilder.on(h).identity(key).config(GossipConfig.forTests())
        .meterRegistry(registry)).build();
    pubsubs.add(ps);
    return new Node(h, key, ps, registry);
  }

  Node start() {
    return start(b -> b);
  }

  /** A node offering only {@code protocols} (an older peer). */
  Node startSpeaking(List<String> protocols) {
    PrivateKey key = PrivateKey.generateEd25519();
    Host h = host(key);
    MeterRegistry registry = new SimpleMeterRegistry();
    PubSub ps = HostPubSub.start(h, key, GossipBuilder.on(h).config(GossipConfig.forTests())
        .settings(), registry, protocols);
    pubsubs.add(ps);
    return new Node(h, key, ps, registry);
  }

  List<Node> start(int n) {
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      nodes.add(start());
    }
    return nodes;
  }

  static void connect(Node a, Node b) {
    get(a.host().dial(b.addr()));
  }

  static <T> T get(CompletableFuture<T> f) {
    try {
      return f.get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("future did not complete: " + e, e);
    }
  }

  static ConditionFactory await() {
    return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20));
  }

  /** Waits until {@code at} knows {@code peer} subscribed to {@code topic}. */
  static void awaitTopicPeer(Node at, String topic, Node peer) {
    await().until(() -> get(at.pubsub().topicPeers(topic)).contains(peer.id()));
  }

  /** A handler recording what it receives. */
  static final class Inbox {
    final Queue<GossipMessage> messages = new ConcurrentLinkedQueue<>();

    void add(GossipMessage m) {
      messages.add(m);
    }

    List<String> texts() {
      return messages.stream().map(m -> new String(m.data())).toList();
    }
  }

  @Override
  public void close() {
    for (PubSub p : pubsubs) {
      p.close();
    }
    for (Host h : hosts) {
      h.stop().join();
    }
  }
}
