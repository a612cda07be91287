package dev.icon.gossip.core;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.icon.gossip.api.MessageId;
import dev.icon.gossip.router.GossipConfig;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.proto.libp2p.pubsub.Message;
import dev.icon.proto.libp2p.pubsub.RPC;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * N routers wired through {@link GossipPeerLink}s that enqueue RPCs (serialized, as on the wire)
 * for the destination; a manual clock; a deterministic FIFO pump; partition and heal. "External"
 * nodes have no router: the test plays them by injecting RPCs and reading their inbox.
 * Single-threaded, like the routers.
 */
final class InMemoryGossipNetwork {

  /** One RPC in flight or delivered. */
  record Envelope(PeerId from, PeerId to, byte[] bytes) {
    RPC rpc() {
      try {
        return RPC.parseFrom(bytes);
      } catch (InvalidProtocolBufferException e) {
        throw new AssertionError(e);
      }
    }
  }

  /** A message handed to a node's application. */
  record Delivered(String topic, Message msg, MessageId id, PeerId from) {}

  /** A network member: a router, or an external peer the test plays. */
  final class Node {
    final PrivateKey key;
    final PeerId id;
    final GossipRouter router;
    final List<Delivered> delivered = new ArrayList<>();
    final List<RPC> inbox = new ArrayList<>();

    Node(PrivateKey key, GossipRouterOptions options, GossipRouterHooks hooks) {
      this.key = key;
      this.id = key.publicKey().peerId();
      this.router = options == null ? null
          : new GossipRouter(key, options, (to, rpc) -> enqueue(id, to, rpc),
              (topic, msg, mid, from) -> delivered.add(new Delivered(topic, msg, mid, from)), hooks);
    }

    /** Injects an RPC from this node to {@code to} (goes through the queue and partitions). */
    void send(Node to, RPC rpc) {
      enqueue(id, to.id, rpc);
    }

    long deliveredCount(MessageId mid) {
      return delivered.stream().filter(d -> d.id().equals(mid)).count();
    }

    @Override
    public String toString() {
      return "node" + nodes.indexOf(this);
    }
  }

  final ManualClock clock = new ManualClock();
  final GossipConfig config;
  final List<Node> nodes = new ArrayList<>();
  private final Map<PeerId, Node> byId = new LinkedHashMap<>();
  private final Deque<Envelope> queue = new ArrayDeque<>();
  private final Deque<Runnable> tasks = new ArrayDeque<>();
  private final Set<Set<PeerId>> cut = new HashSet<>();
  private final SplittableRandom random;
  private final SecureRandom keyRandom;
  int dropped;

  InMemoryGossipNetwork(GossipConfig config, long seed) {
    this.config = config;
    this.random = new SplittableRandom(seed);
    try {
      this.keyRandom = SecureRandom.getInstance("SHA1PRNG");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
    keyRandom.setSeed(seed);
  }

  /** Unscored options on the network's clock and seeded randomness. */
  GossipRouterOptions defaultOptions() {
    return GossipRouterOptions.unscored(config, clock, random.split());
  }

  Node addRouter() {
    return addRouter(UnaryOperator.identity());
  }

  /** A router whose options are the defaults adjusted by {@code tweak}. */
  Node addRouter(UnaryOperator<GossipRouterOptions> tweak) {
    return addRouter(tweak, GossipRouterListener.NONE, MessageValidation.ACCEPT_ALL,
        PeerExchange.NONE);
  }

  /**
   * A router with hooks; its executor is the network's task queue, run by {@link #pump()} (so an
   * asynchronous validation verdict resumes the router on the next pump, as on an event loop).
   */
  Node addRouter(UnaryOperator<GossipRouterOptions> tweak, GossipRouterListener listener,
      MessageValidation validation, PeerExchange px) {
    GossipRouterHooks hooks = new GossipRouterHooks(listener, validation, px, tasks::add);
    return register(
        new Node(PrivateKey.generateEd25519(keyRandom), tweak.apply(defaultOptions()), hooks));
  }

  /** Runs {@code task} at the next {@link #pump()}, like work completing on another thread. */
  void later(Runnable task) {
    tasks.add(task);
  }

  /** A peer without a router: the test speaks for it. */
  Node addExternal() {
    return register(new Node(PrivateKey.generateEd25519(keyRandom), null, null));
  }

  private Node register(Node n) {
    nodes.add(n);
    byId.put(n.id, n);
    return n;
  }

  /** Opens a v1.2 pubsub link, {@code dialer} outbound. */
  void connect(Node dialer, Node listener) {
    connect(dialer, listener, GossipProtocols.MESHSUB_V12);
  }

  void connect(Node dialer, Node listener, String protocolId) {
    if (dialer.router != null) {
      dialer.router.addPeer(listener.id, true, protocolId);
    }
    if (listener.router != null) {
      listener.router.addPeer(dialer.id, false, protocolId);
    }
  }

  /** Closes the pubsub link between {@code a} and {@code b} on both sides. */
  void disconnect(Node a, Node b) {
    if (a.router != null) {
      a.router.removePeer(b.id);
    }
    if (b.router != null) {
      b.router.removePeer(a.id);
    }
  }

  /** Each node dials {@code degree} random others (duplicates skipped). */
  void connectRandomly(int degree) {
    Set<Set<PeerId>> linked = new HashSet<>();
    for (Node a : nodes) {
      for (int i = 0; i < degree; i++) {
        Node b = nodes.get(random.nextInt(nodes.size()));
        if (b != a && linked.add(Set.of(a.id, b.id))) {
          connect(a, b);
        }
      }
    }
  }

  /** Drops everything between {@code side} and the rest until {@link #heal()}. */
  void partition(Set<Node> side) {
    for (Node a : side) {
      for (Node b : nodes) {
        if (!side.contains(b)) {
          cut.add(Set.of(a.id, b.id));
        }
      }
    }
  }

  void heal() {
    cut.clear();
  }

  private void enqueue(PeerId from, PeerId to, RPC rpc) {
    queue.add(new Envelope(from, to, rpc.toByteArray()));
  }

  /**
   * Runs queued executor tasks and delivers queued RPCs in FIFO order until quiet; returns how many
   * steps were taken.
   */
  int pump() {
    int steps = 0;
    while (!queue.isEmpty() || !tasks.isEmpty()) {
      if (++steps > 1_000_000) {
        throw new AssertionError("network does not quiesce");
      }
      if (!tasks.isEmpty()) {
        tasks.poll().run();
        continue;
      }
      Envelope e = queue.poll();
      if (cut.contains(Set.of(e.from(), e.to()))) {
        dropped++;
        continue;
      }
      Node to = byId.get(e.to());
      if (to.router == null) {
        to.inbox.add(e.rpc());
      } else {
        to.router.handleRpc(e.from(), e.rpc());
      }
    }
    return steps;
  }

  /** {@code n} rounds of: advance one heartbeat interval, heartbeat every router, pump. */
  void heartbeats(int n) {
    for (int i = 0; i < n; i++) {
      clock.advance(config.heartbeatInterval());
      for (Node node : nodes) {
        if (node.router != null) {
          node.router.heartbeat();
        }
      }
      pump();
    }
  }

  List<Node> routers() {
    return nodes.stream().filter(n -> n.router != null).toList();
  }
}
