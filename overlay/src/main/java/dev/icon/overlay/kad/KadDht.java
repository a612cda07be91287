package dev.icon.overlay.kad;

import com.google.protobuf.ByteString;
import dev.icon.overlay.api.Connection;
import dev.icon.overlay.api.Dht;
import dev.icon.overlay.api.DhtMode;
import dev.icon.overlay.api.DhtPeer;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.api.HostError;
import dev.icon.overlay.api.HostException;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.overlay.multiaddr.Multiaddr;
import dev.icon.proto.libp2p.kad.Message;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.random.RandomGenerator;
import java.util.function.Supplier;

/**
 * The {@link Dht} of a host, over {@code /ipfs/kad/1.0.0} streams. Created by the host when the
 * builder enables the DHT ({@link dev.icon.overlay.api.HostBuilder#dht}); started once the host
 * listens and stopped before it closes its connections. Operations follow the kad-dht spec: {@code
 * findPeer} is a FIND_NODE lookup for the peer; {@code provide} and {@code putValue} look up the k
 * closest peers to the key and send them ADD_PROVIDER or PUT_VALUE; {@code findProviders} and
 * {@code getValue} are GET_PROVIDERS and GET_VALUE lookups (local results first). Periodic jobs are
 * in {@link KadMaintenance}.
 *
 * <p>Threading: thread-safe; see {@link Dht}.
 */
public final class KadDht implements Dht {

  private final KadNode node;
  private final PrivateKey identity;
  private final Clock clock;
  private final KadMaintenance maintenance;
  private volatile DnsaddrResolver resolver = DnsaddrResolver.system();

  /**
   * Binds a DHT to {@code host} (not yet started): registers the protocol handler in server mode
   * and a listener feeding the routing table from identify.
   *
   * @throws IllegalArgumentException if {@code config.minConnections()} exceeds the host's high
   *     watermark (trimming would close what the DHT dials)
   */
  public KadDht(Host host, PrivateKey identity, DhtMode mode, KadConfig config, Clock clock,
      RandomGenerator random) {
    if (config.minConnections() > host.config().highWatermark()) {
      throw new IllegalArgumentException("minConnections (" + config.minConnections()
          + ") must be at most the host's highWatermark (" + host.config().highWatermark() + ")");
    }
    this.node = new KadNode(host, mode, config, clock);
    this.identity = identity;
    this.clock = clock;
    this.maintenance = new KadMaintenance(node, this, random);
  }

  /** Replaces the {@code /dnsaddr/} resolver (tests). */
  void useResolver(DnsaddrResolver resolver) {
    this.resolver = resolver;
  }

  /** Starts the scheduler and the periodic jobs (the host calls this once it listens). */
  public void start() {
    if (node.start()) {
      maintenance.start();
    }
  }

  /** Cancels lookups and stops all periodic work (the host calls this when it stops). */
  public void stop() {
    node.stop();
  }

  @Override
  public DhtMode mode() {
    return node.mode;
  }

  @Override
  public List<PeerId> routingTable() {
    return node.table.peers();
  }

  @Override
  public CompletableFuture<Integer> bootstrap(List<Multiaddr> peers) {
    return guarded(() -> {
      List<CompletableFuture<List<Multiaddr>>> resolving = peers.stream()
          .map(a -> resolver.resolve(a, ForkJoinPool.commonPool())
              .exceptionally(e -> List.of()))
          .toList();
      return CompletableFuture.allOf(resolving.toArray(CompletableFuture[]::new))
          .thenCompose(r -> dialAndLookup(peers, resolving.stream()
              .flatMap(f -> f.join().stream()).distinct().toList()));
    });
  }

  /** Dials {@code addrs} (resolved from {@code peers}), then a self-lookup seeded with them. */
  private CompletableFuture<Integer> dialAndLookup(List<Multiaddr> peers, List<Multiaddr> addrs) {
    List<CompletableFuture<Optional<PeerId>>> dials = new ArrayList<>();
    for (Multiaddr a : addrs) {
      dials.add(node.host.dial(a).handle((c, e) ->
          e == null ? Optional.of(c.remotePeer()) : Optional.<PeerId>empty()));
    }
    return CompletableFuture.allOf(dials.toArray(CompletableFuture[]::new)).thenCompose(v -> {
      List<KadPeer> seeds = dials.stream().map(CompletableFuture::join).flatMap(Optional::stream)
          .distinct().map(node::peer).toList();
      if (seeds.isEmpty() && !peers.isEmpty()) {
        return CompletableFuture.failedFuture(new HostException(HostError.DIAL_FAILED,
            "DHT bootstrap: none of " + peers.size() + " addresses (" + addrs.size()
                + " after /dnsaddr/ resolution) could be dialled"));
      }
      return selfLookup(seeds).thenApply(r -> node.table.size());
    });
  }


  /** A FIND_NODE lookup for our own id (fills the buckets near us). */
  CompletableFuture<LookupResult> selfLookup(List<KadPeer> seeds) {
    return node.lookup(KadMessages.request(Message.MessageType.FIND_NODE, node.self.toBytes()),
        seeds, LookupHandler.NONE);
  }

  @Override
  public CompletableFuture<Optional<DhtPeer>> findPeer(PeerId peer) {
    return guarded(() -> {
      PeerFinder finder = new PeerFinder(peer);
      return node.lookup(KadMessages.request(Message.MessageType.FIND_NODE, peer.toBytes()),
          List.of(), finder).thenApply(r -> {
            Optional<LookupResult.Seen> seen = r.find(peer);
            int hops = seen.map(LookupResult.Seen::depth).orElse(0);
            List<ByteString> addrs = finder.found().map(KadPeer::addrs).orElse(List.of());
            if (addrs.isEmpty()) {
              addrs = seen.map(s -> s.peer().addrs()).orElse(List.of());
            }
            if (addrs.isEmpty() && finder.found().isPresent()) {
              addrs = node.addresses(peer);
            }
            return addrs.isEmpty() ? Optional.empty()
                : Optional.of(new DhtPeer(peer, parse(addrs), hops));
          });
    });
  }

  @Override
  public CompletableFuture<Integer> provide(byte[] key) {
    return guarded(() -> {
      checkProviderKey(key);
      maintenance.provided(key);
      List<ByteString> ours = node.addresses(node.self);
      if (node.mode == DhtMode.SERVER) {
        node.providers.add(key, node.self, ours);
      }
      Message announce = Message.newBuilder().setType(Message.MessageType.ADD_PROVIDER)
          .setKey(ByteString.copyFrom(key))
          .addProviderPeers(KadMessages.toWire(new KadPeer(node.self, ours),
              Message.ConnectionType.CONNECTED))
          .build();
      return toClosest(key, p -> node.client.send(node.peer(p), announce));
    });
  }

  @Override
  public CompletableFuture<List<DhtPeer>> findProviders(byte[] key, int max) {
    return guarded(() -> {
      checkProviderKey(key);
      Map<PeerId, DhtPeer> found = new LinkedHashMap<>();
      for (ProviderRecord r : node.providers.providers(key)) {
        found.putIfAbsent(r.provider(), new DhtPeer(r.provider(), parse(r.addrs()), 0));
      }
      if (maintenance.isProvided(key)) {
        found.putIfAbsent(node.self, new DhtPeer(node.self, node.host.listenAddrs(), 0));
      }
      if (found.size() >= max) {
        return CompletableFuture.completedFuture(List.copyOf(found.values()).subList(0, max));
      }
      ProviderCollector collector = new ProviderCollector(max, node.config.maxProvidersPerKey());
      return node.lookup(KadMessages.request(Message.MessageType.GET_PROVIDERS, key), List.of(),
          collector).thenApply(r -> {
            for (KadPeer p : collector.providers()) {
              found.putIfAbsent(p.id(), new DhtPeer(p.id(), parse(p.addrs()), r.maxHops()));
            }
            return found.values().stream().limit(max).toList();
          });
    });
  }

  @Override
  public CompletableFuture<Integer> putValue(byte[] key, byte[] value) {
    return guarded(() -> {
      node.validators.validate(key, value);
      if (node.mode == DhtMode.SERVER) {
        node.records.put(key, value);
      }
      Message put = KadMessages.putValue(key, value);
      return toClosest(key, p -> node.query(node.peer(p), put));
    });
  }

  @Override
  public CompletableFuture<Integer> putIconRecord(String name, byte[] value, long sequence,
      Duration ttl) {
    return guarded(() -> {
      byte[] signed = IconRecords.sign(identity, name, value, sequence, clock.instant().plus(ttl));
      return putValue(IconRecords.key(node.self, name), signed);
    });
  }

  @Override
  public CompletableFuture<Optional<byte[]>> getValue(byte[] key, int quorum) {
    return guarded(() -> {
      ValueCollector collector = new ValueCollector(key, node.validators, quorum);
      node.records.get(key).ifPresent(r -> collector.addLocal(r.value().toByteArray()));
      if (collector.validCount() >= quorum) {
        return CompletableFuture.completedFuture(collector.best());
      }
      return node.lookup(KadMessages.request(Message.MessageType.GET_VALUE, key), List.of(),
          collector).thenApply(r -> {
            collector.best().ifPresent(best -> {
              Message fix = KadMessages.putValue(key, best);
              collector.outdatedPeers().forEach(p -> node.query(node.peer(p), fix));
              if (node.mode == DhtMode.SERVER) {
                node.records.put(key, best);
              }
            });
            return collector.best();
          });
    });
  }

  /** Looks up the k closest peers to {@code key}, sends each a request; counts the successes. */
  private CompletableFuture<Integer> toClosest(byte[] key,
      java.util.function.Function<PeerId, CompletableFuture<?>> send) {
    return node.lookup(KadMessages.request(Message.MessageType.FIND_NODE, key), List.of(),
        LookupHandler.NONE).thenCompose(r -> {
          List<CompletableFuture<Boolean>> sent = r.closest().stream()
              .map(p -> send.apply(p).handle((v, e) -> e == null)).toList();
          return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
              .thenApply(v -> (int) sent.stream().filter(CompletableFuture::join).count());
        });
  }

  private void checkProviderKey(byte[] key) {
    if (key.length == 0 || key.length > node.config.maxProviderKeyLength()) {
      throw new KadException(KadError.MALFORMED_KEY, "provider key of " + key.length
          + " bytes; must be 1.." + node.config.maxProviderKeyLength());
    }
  }

  private <T> CompletableFuture<T> guarded(Supplier<CompletableFuture<T>> operation) {
    if (!node.running()) {
      return CompletableFuture.failedFuture(
          new HostException(HostError.NOT_RUNNING, "the DHT is not running"));
    }
    try {
      return operation.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static List<Multiaddr> parse(List<ByteString> addrs) {
    List<Multiaddr> out = new ArrayList<>();
    for (ByteString b : addrs) {
      try {
        out.add(Multiaddr.fromBytes(b.toByteArray()).withoutPeerId());
      } catch (RuntimeException e) {
        // Skipped: unparsable addresses are useless to the caller.
      }
    }
    return out;
  }
}
