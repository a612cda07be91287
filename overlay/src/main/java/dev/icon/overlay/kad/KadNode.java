package dev.icon.overlay.kad;

import com.google.protobuf.ByteString;
import dev.icon.overlay.api.DhtMode;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.api.HostListener;
import dev.icon.overlay.api.PeerInfo;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.multiaddr.Multiaddr;
import dev.icon.proto.libp2p.kad.Message;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DHT's parts bound to a host: routing table, stores, the stream server and client, a scheduler,
 * and lookups over them. Routing-table rules: a peer enters when identify shows it serves {@link
 * KadProtocol#ID} or when it answers one of our requests; it leaves when identify shows it stopped
 * serving, or when it failed a request in a lookup. Inbound requests never add their sender
 * (client-mode peers query too). A full bucket checks its oldest peer with a FIND_NODE for our own
 * id, bounded by {@link KadConfig#requestTimeout()}.
 *
 * <p>Threading: thread-safe. Lookup timeouts and periodic jobs run on one daemon scheduler thread
 * ({@code icon-kad-<peer>}), created by {@link #start()} and shut down by {@link #stop()}; after
 * stop, running lookups are cancelled and no new work is scheduled.
 */
final class KadNode {

  private static final Logger LOG = LoggerFactory.getLogger(KadNode.class);

  /** A lookup has no deadline of its own: it is cancelled after this long. */
  static final Duration LOOKUP_DEADLINE = Duration.ofSeconds(60);

  final Host host;
  final PeerId self;
  final DhtMode mode;
  final KadConfig config;
  final RecordValidators validators;
  final RoutingTable table;
  final RecordStore records;
  final ProviderStore providers;
  final KadStreamClient client;
  private final AtomicBoolean running = new AtomicBoolean();
  private boolean stopped;
  private final Set<Lookup> active = ConcurrentHashMap.newKeySet();
  private volatile ScheduledExecutorService scheduler;

  KadNode(Host host, DhtMode mode, KadConfig config, Clock clock) {
    this.host = host;
    this.self = host.peerId();
    this.mode = mode;
    this.config = config;
    this.validators = RecordValidators.defaults(config, clock);
    this.table = new RoutingTable(self, config.k(), this::isAlive, clock);
    this.records = new RecordStore(config, validators, clock);
    this.providers = new ProviderStore(config, clock);
    this.client = new KadStreamClient(host, config);
    host.addListener(new HostListener() {
      @Override
      public void identified(PeerId peer, PeerInfo info) {
        if (info.protocols().contains(KadProtocol.ID)) {
          table.offer(peer);
        } else {
          table.remove(peer);
        }
      }
    });
    if (mode == DhtMode.SERVER) {
      KadRequestHandler handler =
          new KadRequestHandler(config, table, records, providers, this::addresses, clock);
      host.addProtocol(KadProtocol.ID, new KadServerHandler(config, handler, running::get));
    }
  }

  /**
   * Starts the scheduler; true if this call started it (false if running, or stopped: single use).
   */
  synchronized boolean start() {
    if (stopped || running.get()) {
      return false;
    }
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "icon-kad-" + self.toBase58());
      t.setDaemon(true);
      return t;
    });
    running.set(true);
    return true;
  }

  /** Cancels lookups and shuts the scheduler down; idempotent. */
  synchronized void stop() {
    stopped = true;
    if (running.compareAndSet(true, false)) {
      active.forEach(Lookup::cancel);
      scheduler.shutdownNow();
    }
  }

  boolean running() {
    return running.get();
  }

  /** Runs {@code task} every {@code period} on the scheduler while running. */
  void every(Duration period, Runnable task) {
    long nanos = period.toNanos();
    try {
      scheduler.scheduleAtFixedRate(() -> {
        try {
          task.run();
        } catch (RuntimeException e) {
          LOG.warn("kad periodic job failed", e);
        }
      }, nanos, nanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      // Stopped meanwhile: no more work.
    }
  }

  /** Runs {@code task} once after {@code delay} unless stopped; returns a cancel action. */
  Runnable schedule(Duration delay, Runnable task) {
    ScheduledExecutorService s = scheduler;
    if (s == null || !running.get()) {
      return () -> {};
    }
    try {
      ScheduledFuture<?> f = s.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
      return () -> f.cancel(false);
    } catch (RejectedExecutionException e) {
      return () -> {};
    }
  }

  /**
   * Runs a lookup for {@code request}, seeded with the table's k closest and {@code extraSeeds};
   * afterwards marks the target's bucket refreshed and evicts the peers that failed.
   */
  CompletableFuture<LookupResult> lookup(Message request, List<KadPeer> extraSeeds,
      LookupHandler handler) {
    KadKey target = KadKey.of(request.getKey().toByteArray());
    Map<PeerId, KadPeer> seeds = new LinkedHashMap<>();
    extraSeeds.forEach(p -> seeds.put(p.id(), p));
    for (PeerId p : table.closest(target, config.k())) {
      seeds.putIfAbsent(p, peer(p));
    }
    Lookup lookup = new Lookup(self, request, List.copyOf(seeds.values()), config,
        this::query, this::schedule, handler);
    active.add(lookup);
    Runnable cancelDeadline = schedule(LOOKUP_DEADLINE, lookup::cancel);
    if (!running.get()) {
      lookup.cancel();
    }
    return lookup.start().whenComplete((result, error) -> {
      active.remove(lookup);
      cancelDeadline.run();
      table.markRefreshed(target);
      result.unresponsive().forEach(table::remove);
    });
  }

  /** One request; a peer that answers serves the DHT, so it is offered to the table. */
  CompletableFuture<Message> query(KadPeer peer, Message request) {
    if (!running.get()) {
      return CompletableFuture.failedFuture(new IllegalStateException("DHT stopped"));
    }
    return client.query(peer, request).whenComplete((m, e) -> {
      if (e == null && running.get()) {
        table.offer(peer.id());
      }
    });
  }

  /** Liveness of a full bucket's oldest peer; true while stopped (nothing is evicted then). */
  private CompletableFuture<Boolean> isAlive(PeerId peer) {
    if (!running.get()) {
      return CompletableFuture.completedFuture(true);
    }
    return client.query(peer(peer), KadMessages.request(Message.MessageType.FIND_NODE,
        self.toBytes())).handle((m, e) -> e == null);
  }

  /** {@code peer} with the addresses the peer store holds. */
  KadPeer peer(PeerId peer) {
    return new KadPeer(peer, addresses(peer));
  }

  /** Binary multiaddrs without /p2p/: ours (listen addresses) for our id, else the peer store's. */
  List<ByteString> addresses(PeerId peer) {
    List<ByteString> out = new ArrayList<>();
    var addrs = peer.equals(self) ? host.listenAddrs() : host.peerStore().addresses(peer);
    for (Multiaddr a : addrs) {
      out.add(ByteString.copyFrom(a.withoutPeerId().toBytes()));
    }
    return out;
  }
}
