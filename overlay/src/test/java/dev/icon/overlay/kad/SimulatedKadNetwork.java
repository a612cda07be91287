package dev.icon.overlay.kad;

import com.google.protobuf.ByteString;
import dev.icon.overlay.identity.PeerId;
import dev.icon.proto.libp2p.kad.Message;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * An in-memory Kademlia network in virtual time: nodes with real {@link RoutingTable}s answering
 * FIND_NODE from them, joined one by one through the real {@link Lookup} (self-lookup, then bucket
 * refresh), links with seeded per-pair latencies. Nodes may be dead (never answer) or misbehave.
 * Single-threaded: everything runs inside {@link VirtualTime#runUntilIdle()}.
 */
final class SimulatedKadNetwork {

  /** How a node answers. */
  enum Behaviour {
    HONEST,
    /** Never answers (killed). */
    DEAD,
    /** Answers with unparsable peer ids. */
    GARBAGE,
    /** Answers with made-up peers in the farthest half of the key space from the target. */
    FAR_PEERS,
    /** Answers with an error (what the binding reports for an undecodable response). */
    FAILING
  }

  /** The one fake address every simulated node has. */
  static final ByteString SIM_ADDR = ByteString.copyFromUtf8("sim");

  /** One simulated node: a real table, stores and request handler. */
  final class Node {
    final PeerId id;
    final RoutingTable table;
    final RecordStore records;
    final ProviderStore providers;
    final KadRequestHandler handler;
    Behaviour behaviour = Behaviour.HONEST;

    Node(PeerId id) {
      this.id = id;
      this.table = new RoutingTable(id, config.k(),
          peer -> CompletableFuture.completedFuture(isAlive(peer)), time);
      this.records = new RecordStore(config, RecordValidators.defaults(config, time), time);
      this.providers = new ProviderStore(config, time);
      this.handler = new KadRequestHandler(config, table, records, providers,
          peer -> List.of(SIM_ADDR), time);
    }

    /** The answer to {@code request}: empty for none, null for an error. */
    java.util.Optional<Message> answer(PeerId requester, Message request) {
      KadKey target = KadKey.of(request.getKey().toByteArray());
      Message.Builder out = Message.newBuilder().setType(request.getType());
      switch (behaviour) {
        case HONEST -> {
          table.offer(requester); // a server learns of peers that query it
          try {
            return handler.handle(requester, request);
          } catch (KadException e) {
            return null;
          }
        }
        case GARBAGE -> {
          for (int i = 0; i < config.k(); i++) {
            byte[] junk = new byte[1 + random.nextInt(40)];
            random.nextBytes(junk);
            out.addCloserPeers(Message.Peer.newBuilder().setId(ByteString.copyFrom(junk)));
          }
        }
        case FAR_PEERS -> {
          for (int added = 0; added < config.k(); ) {
            PeerId fake = TestPeers.random(random);
            if (KadKey.of(fake).commonPrefixLength(target) == 0) {
              out.addCloserPeers(wire(fake));
              added++;
            }
          }
        }
        case FAILING, DEAD -> {
          return null;
        }
      }
      return java.util.Optional.of(out.build());
    }
  }

  final VirtualTime time = new VirtualTime();
  final KadConfig config;
  final Random random;
  final Map<PeerId, Node> nodes = new LinkedHashMap<>();

  SimulatedKadNetwork(KadConfig config, long seed) {
    this.config = config;
    this.random = new Random(seed);
  }

  private static Message.Peer wire(PeerId p) {
    return Message.Peer.newBuilder().setId(ByteString.copyFrom(p.toBytes())).build();
  }

  boolean isAlive(PeerId peer) {
    Node node = nodes.get(peer);
    return node != null && node.behaviour != Behaviour.DEAD;
  }

  /** Builds {@code n} nodes, each joining through a random node that joined before it. */
  void build(int n) {
    List<Node> joined = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Node node = new Node(TestPeers.random(random));
      nodes.put(node.id, node);
      if (!joined.isEmpty()) {
        node.table.offer(joined.get(random.nextInt(joined.size())).id);
        lookup(node, node.id.toBytes(), LookupHandler.NONE);
        refresh(node);
      }
      joined.add(node);
    }
    // One periodic refresh round, so early nodes learn of later ones by lookups too.
    time.after(config.refreshInterval().toMillis(), () -> {});
    time.runUntilIdle();
    joined.forEach(this::refresh);
  }

  /** Refreshes every overdue bucket of {@code node} with a lookup of a random key in it. */
  void refresh(Node node) {
    for (int cpl : node.table.bucketsNeedingRefresh(config.refreshInterval(),
        config.maxRefreshCpl())) {
      lookup(node, RefreshTargets.keyForBucket(node.table.selfKey(), cpl, random),
          LookupHandler.NONE);
    }
  }

  /** Runs a FIND_NODE lookup from {@code from} to the end; returns it and its virtual duration. */
  Timed lookup(Node from, byte[] key, LookupHandler handler) {
    return lookup(from, KadMessages.request(Message.MessageType.FIND_NODE, key), handler);
  }

  /** Runs a lookup sending {@code request} from {@code from} to the end. */
  Timed lookup(Node from, Message request, LookupHandler handler) {
    KadKey target = KadKey.of(request.getKey().toByteArray());
    from.table.markRefreshed(target);
    List<KadPeer> seeds =
        from.table.closest(target, config.k()).stream().map(KadPeer::of).toList();
    long start = time.nowMillis();
    long[] end = {-1};
    CompletableFuture<LookupResult> result = new Lookup(from.id, request, seeds, config,
        querier(from), time, handler).start();
    result.thenRun(() -> end[0] = time.nowMillis());
    time.runUntilIdle();
    if (!result.isDone()) {
      throw new AssertionError("lookup stalled");
    }
    return new Timed(result.join(), end[0] - start);
  }

  /** A lookup's result and how long it took in virtual milliseconds. */
  record Timed(LookupResult result, long millis) {}

  private KadQuerier querier(Node from) {
    return (peer, request) -> send(from, peer.id(), request)
        .thenApply(answer -> answer.orElseThrow(
            () -> new KadException(KadError.MALFORMED_MESSAGE, "no answer to a lookup request")));
  }

  /**
   * Sends one request; completes (in virtual time) with the answer, empty for types without one,
   * exceptionally on an error answer, never if the peer is dead or unknown.
   */
  CompletableFuture<java.util.Optional<Message>> send(Node from, PeerId to, Message request) {
    CompletableFuture<java.util.Optional<Message>> answer = new CompletableFuture<>();
    Node node = nodes.get(to);
    if (node == null || node.behaviour == Behaviour.DEAD) {
      return answer;
    }
    time.after(roundTripMillis(from.id, node.id), () -> {
      java.util.Optional<Message> response = node.answer(from.id, request);
      if (response == null) {
        answer.completeExceptionally(new KadException(KadError.MALFORMED_MESSAGE, "simulated"));
      } else {
        from.table.offer(node.id); // a client keeps peers that answer
        answer.complete(response);
      }
    });
    return answer;
  }

  /** A stable per-pair round trip of 20..200 ms. */
  private static long roundTripMillis(PeerId a, PeerId b) {
    int h = a.hashCode() ^ b.hashCode();
    return 2L * (10 + Math.floorMod(h, 91));
  }
}
