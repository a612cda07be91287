package dev.icon.gossip;

import dev.icon.gossip.api.GossipBuilder;
import dev.icon.gossip.api.GossipSettings;
import dev.icon.gossip.api.PubSub;
import dev.icon.gossip.router.GossipConfig;
import dev.icon.gossip.wire.SignaturePolicy;
import dev.icon.gossip.wire.StandardMessageIdFunction;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.api.HostConfig;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * N overlay hosts in this JVM, each with gossip built by {@link GossipBuilder} and listening on
 * loopback (real TCP, Noise, Yamux), all subscribed to one topic with a {@link DeliveryLog}.
 * Messages carry their number in the first four bytes. Not thread-safe: drive it from the test
 * thread.
 */
final class GossipTestNetwork implements AutoCloseable {

  static final String TOPIC = "it-load";
  /** Short heartbeats so churn tests see several in a second. */
  static final Duration HEARTBEAT = Duration.ofMillis(100);

  /** Test host settings with handshake timeouts that survive 100 hosts dialing on 2 busy cores. */
  private static final HostConfig HOST_CONFIG = HostConfig.forTests().toBuilder()
      .dialTimeout(Duration.ofSeconds(30)).upgradeTimeout(Duration.ofSeconds(30)).build();
  /** Dials in flight at once while wiring the network. */
  private static final int CONCURRENT_DIALS = 16;

  /** One host and its pub/sub. */
  final class Node {
    final int index;
    final PrivateKey key;
    final Host host;
    final PubSub pubsub;
    final DeliveryLog log;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    volatile boolean alive = true;

    /** Starts pub/sub on the started {@code host} and subscribes to {@link #TOPIC}. */
    Node(int index, PrivateKey key, Host host, GossipSettings settings, int maxMessages) {
      this.index = index;
      this.key = key;
      this.host = host;
      this.log = new DeliveryLog(clock, index, maxMessages);
      this.pubsub = GossipBuilder.on(host).identity(key).settings(settings).meterRegistry(meters)
          .build();
      pubsub.subscribe(TOPIC, m -> log.record(ByteBuffer.wrap(m.data()).getInt(0)));
    }

    PeerId id() {
      return host.peerId();
    }

    /** The sum of the counters named {@code icon.gossip.<name>} (all tags). */
    double counter(String name) {
      return meters.find("icon.gossip." + name).counters().stream().mapToDouble(c -> c.count())
          .sum();
    }

    @Override
    public String toString() {
      return "node" + index;
    }
  }

  final List<Node> nodes = new ArrayList<>();
  final DeliveryLog.Clock clock;
  private final SplittableRandom random;

  /**
   * Starts {@code count} nodes with {@link #settings} adjusted by {@code tweak}, tracking up to
   * {@code maxMessages} message numbers.
   */
  GossipTestNetwork(int count, int maxMessages, long seed, UnaryOperator<GossipSettings> tweak) {
    this.random = new SplittableRandom(seed);
    this.clock = new DeliveryLog.Clock(maxMessages);
    GossipSettings settings = tweak.apply(settings());
    List<Host> hosts = new ArrayList<>();
    List<PrivateKey> keys = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      keys.add(PrivateKey.generateEd25519());
      hosts.add(Host.builder().identity(keys.get(i)).listen("/ip4/127.0.0.1/tcp/0")
          .config(HOST_CONFIG).build());
    }
    CompletableFuture.allOf(hosts.stream().map(Host::start).toArray(CompletableFuture[]::new))
        .join();
    for (int i = 0; i < count; i++) {
      nodes.add(new Node(i, keys.get(i), hosts.get(i), settings, maxMessages));
    }
  }

  /**
   * Router settings of these tests: 100 ms heartbeats, otherwise the spec's defaults. Messages are
   * unsigned (StrictNoSign, ids = SHA-256 of the data) unless {@code -Dgossip.it.signed=true}: the
   * subject here is routing, and 100 nodes verifying Ed25519 signatures of 10,000 messages would
   * cost minutes of CPU on a 2-core machine. The spam test signs.
   */
  static GossipSettings settings() {
    GossipConfig config = GossipConfig.builder().heartbeatInterval(HEARTBEAT)
        .heartbeatInitialDelay(Duration.ofMillis(50)).build();
    GossipSettings d = GossipSettings.defaults();
    boolean signed = Boolean.getBoolean("gossip.it.signed");
    return new GossipSettings(config, d.scoreParams(), d.thresholds(),
        signed ? SignaturePolicy.STRICT_SIGN : SignaturePolicy.STRICT_NO_SIGN,
        signed ? d.idFunction() : StandardMessageIdFunction.SHA256_DATA, d.directPeers(),
        d.allowPublishToZeroPeers(), d.validationTimeout(), d.maxTopics(), d.floodsub(),
        d.metricsPrefix());
  }

  /** Each node dials {@code degree} distinct random others (so degrees average about 2x that). */
  void connectRandomly(int degree) {
    List<CompletableFuture<?>> dials = new ArrayList<>();
    Set<Set<Integer>> linked = new HashSet<>();
    for (Node a : nodes) {
      int dialed = 0;
      while (dialed < degree) {
        Node b = nodes.get(random.nextInt(nodes.size()));
        if (b != a && linked.add(Set.of(a.index, b.index))) {
          dials.add(a.host.dial(b.host.dialAddrs().get(0)));
          dialed++;
          if (dials.size() == CONCURRENT_DIALS) {
            CompletableFuture.allOf(dials.toArray(CompletableFuture[]::new)).join();
            dials.clear();
          }
        }
      }
    }
    CompletableFuture.allOf(dials.toArray(CompletableFuture[]::new)).join();
  }

  /** The live nodes {@code n} has a connection to. */
  List<Node> neighbours(Node n) {
    List<Node> out = new ArrayList<>();
    for (Node other : nodes) {
      if (other != n && other.alive && !n.host.connections(other.id()).isEmpty()) {
        out.add(other);
      }
    }
    return out;
  }

  List<Node> alive() {
    return nodes.stream().filter(n -> n.alive).toList();
  }

  /** A random live node. */
  Node randomAlive() {
    List<Node> alive = alive();
    return alive.get(random.nextInt(alive.size()));
  }

  SplittableRandom random() {
    return random;
  }

  /** Whether the live connections among {@code nodes} form one component. */
  static boolean connected(List<Node> nodes) {
    Set<Node> seen = new HashSet<>();
    Deque<Node> todo = new ArrayDeque<>(List.of(nodes.get(0)));
    while (!todo.isEmpty()) {
      Node n = todo.poll();
      if (seen.add(n)) {
        for (Node m : nodes) {
          if (!seen.contains(m) && !n.host.connections(m.id()).isEmpty()) {
            todo.add(m);
          }
        }
      }
    }
    return seen.size() == nodes.size();
  }

  /** Mesh of {@code n} for the topic, read on its router thread. */
  static Set<PeerId> meshOf(Node n) {
    return n.pubsub.meshPeers(TOPIC).join();
  }

  /** Mesh size of {@code n} for the topic, read on its router thread. */
  static int meshSize(Node n) {
    return n.pubsub.meshPeers(TOPIC).join().size();
  }

  /**
   * Publishes messages {@code from} (inclusive) to {@code to} (exclusive) of {@code size} bytes
   * from random live nodes at about {@code perSecond}, paced against the start time; waits for every
   * publish to be accepted.
   */
  void publish(int from, int to, int size, int perSecond) throws InterruptedException {
    publish(from, to, size, perSecond, null);
  }

  /** As {@link #publish(int, int, int, int)}, from random nodes of {@code publishers} (or live ones). */
  void publish(int from, int to, int size, int perSecond, List<Node> publishers)
      throws InterruptedException {
    publishUntil(from, to, size, perSecond, publishers, () -> false);
  }

  /**
   * Publishes from {@code from} up to {@code to} like {@link #publish(int, int, int, int, List)},
   * but stops early once {@code stop} is true; returns the end of what was published.
   */
  int publishUntil(int from, int to, int size, int perSecond, List<Node> publishers,
      BooleanSupplier stop) throws InterruptedException {
    return publishUntil(from, to, size, perSecond, publishers, stop, null, 0);
  }

  /**
   * As {@link #publishUntil(int, int, int, int, List, BooleanSupplier)}; with a {@code window},
   * each publish first takes {@code permitsPerMessage} permits from it (the caller releases them,
   * e.g. one per delivery), so the offered load never runs further ahead of delivery than the
   * window allows.
   */
  int publishUntil(int from, int to, int size, int perSecond, List<Node> publishers,
      BooleanSupplier stop, Semaphore window, int permitsPerMessage) throws InterruptedException {
    SplittableRandom pick = random.split();
    long start = System.nanoTime();
    List<CompletableFuture<?>> pending = new ArrayList<>();
    int no = from;
    for (; no < to && !stop.getAsBoolean(); no++) {
      long due = start + (long) ((no - from) * (1e9 / perSecond));
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait); // pacing the offered load, not waiting for a condition
      }
      if (window != null) {
        window.acquire(permitsPerMessage);
      }
      Node n = publishers == null ? randomAlive()
          : publishers.get(pick.nextInt(publishers.size()));
      pending.add(publishOne(n, no, size));
    }
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
    return no;
  }

  /** Publishes message {@code no} from {@code n}. */
  CompletableFuture<?> publishOne(Node n, int no, int size) {
    byte[] data = new byte[size];
    ByteBuffer.wrap(data).putInt(0, no).putInt(4, n.index);
    clock.published(no, n.index);
    return n.pubsub.publish(TOPIC, data);
  }

  @Override
  public void close() {
    for (Node n : nodes) {
      if (n.pubsub != null) {
        n.pubsub.close();
      }
    }
    List<CompletableFuture<Void>> stops = new ArrayList<>();
    for (Node n : nodes) {
      stops.add(n.host.stop());
    }
    CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS)
        .join();
  }
}
