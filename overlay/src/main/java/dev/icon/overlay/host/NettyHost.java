package dev.icon.overlay.host;

import dev.icon.overlay.api.Connection;
import dev.icon.overlay.api.Dht;
import dev.icon.overlay.api.Direction;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.api.HostConfig;
import dev.icon.overlay.api.HostError;
import dev.icon.overlay.api.HostException;
import dev.icon.overlay.api.HostListener;
import dev.icon.overlay.api.PeerInfo;
import dev.icon.overlay.api.PeerStore;
import dev.icon.overlay.api.PerfResult;
import dev.icon.overlay.api.Stream;
import dev.icon.overlay.api.StreamHandler;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.overlay.kad.KadDht;
import dev.icon.overlay.multiaddr.Multiaddr;
import dev.icon.overlay.perf.PerfClient;
import dev.icon.overlay.perf.PerfProtocol;
import dev.icon.overlay.ping.PingInitiator;
import dev.icon.overlay.ping.PingProtocol;
import dev.icon.overlay.spi.SecureChannel;
import dev.icon.overlay.spi.StreamMuxer;
import dev.icon.overlay.transport.EventLoops;
import dev.icon.overlay.transport.TcpTransport;
import dev.icon.overlay.transport.Transport;
import dev.icon.overlay.transport.TransportListener;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Host} on Netty. Thread-safe; see {@link Host} for the contract. Parts start in
 * dependency order (event loops, transport, listeners, maintenance) and stop in reverse; a failing
 * stop step does not skip the others.
 */
public final class NettyHost implements Host {

  private static final Logger LOG = LoggerFactory.getLogger(NettyHost.class);

  /** Lifecycle of a host. */
  enum State { NEW, STARTING, RUNNING, STOPPING, STOPPED }

  private final HostConfig config;
  private final PrivateKey identity;
  private final PeerId peerId;
  private final List<Multiaddr> listenRequested;
  private final ConnectionUpgrader upgrader;
  private final Function<EventLoops, Transport> transportFactory;
  private final Clock clock;
  private final RandomGenerator random;
  private final ProtocolRegistry protocols;
  private final MemoryPeerStore peerStore;
  private final ConnectionManager<HostConnection> manager;
  private final List<HostListener> listeners = new CopyOnWriteArrayList<>();
  private final List<TransportListener> bound = new CopyOnWriteArrayList<>();
  private final IdentifyService identify;
  private final Dialer dialer;
  private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
  private final CompletableFuture<Void> started = new CompletableFuture<>();
  private final CompletableFuture<Void> stopped = new CompletableFuture<>();
  private volatile EventLoops loops;
  private volatile Transport transport;
  private volatile ScheduledFuture<?> maintenance;
  private volatile KadDht dht;

  NettyHost(HostConfig config, PrivateKey identity, List<Multiaddr> listen,
      Map<String, StreamHandler> handlers, SecureChannel security, StreamMuxer muxer,
      Function<EventLoops, Transport> transportFactory, Clock clock, RandomGenerator random,
      List<HostListener> initialListeners) {
    this.config = config;
    this.identity = identity;
    this.peerId = identity.publicKey().peerId();
    this.listenRequested = List.copyOf(listen);
    this.upgrader = new ConnectionUpgrader(security, muxer, config.multistream(), config.upgradeTimeout());
    this.transportFactory = transportFactory != null
        ? transportFactory
        : l -> new TcpTransport(l, config.dialTimeout());
    this.clock = clock;
    this.random = random;
    this.manager = new ConnectionManager<>(config, clock);
    this.peerStore = new MemoryPeerStore(config.maxPeerStorePeers(), config.maxAddressesPerPeer());
    this.listeners.addAll(initialListeners);
    this.identify = new IdentifyService(this, peerStore, config);
    this.protocols = new ProtocolRegistry(config, identify);
    handlers.forEach(protocols::add);
    this.dialer = new Dialer(config, peerId, upgrader, manager, peerStore, protocols, clock,
        new Dialer.Events() {
          @Override
          public void connected(HostConnection c) {
            onConnected(c);
          }

          @Override
          public void disconnected(HostConnection c) {
            onDisconnected(c);
          }
        });
  }

  /** Binds the DHT before start: it starts once the host listens and stops first on stop. */
  void attachDht(KadDht kad) {
    this.dht = kad;
  }

  @Override
  public Optional<Dht> dht() {
    return Optional.ofNullable(dht);
  }

  @Override
  public PeerId peerId() {
    return peerId;
  }

  PrivateKey identity() {
    return identity;
  }

  @Override
  public HostConfig config() {
    return config;
  }

  @Override
  public CompletableFuture<Void> start() {
    if (!state.compareAndSet(State.NEW, State.STARTING)) {
      return started;
    }
    try {
      loops = EventLoops.create(config.eventLoopThreads(), config.preferNativeTransport(), "icon-host");
      transport = transportFactory.apply(loops);
      dialer.transport(transport);
    } catch (RuntimeException e) {
      started.completeExceptionally(e);
      return started;
    }
    List<CompletableFuture<TransportListener>> all = new ArrayList<>();
    for (Multiaddr a : listenRequested) {
      all.add(transport.listen(a, dialer.inboundInitializer(this::accepting)).thenApply(l -> {
        bound.add(l);
        return l;
      }));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).whenComplete((v, e) -> {
      if (e != null) {
        LOG.warn("host {} failed to start: {}", peerId, e.getMessage());
        stop().whenComplete((x, y) -> started.completeExceptionally(ConnectionUpgrader.unwrap(e)));
        return;
      }
      long every = config.maintenanceInterval().toNanos();
      maintenance = loops.group().next().scheduleAtFixedRate(this::maintain, every, every, TimeUnit.NANOSECONDS);
      boolean running = state.compareAndSet(State.STARTING, State.RUNNING);
      if (running && dht != null) {
        dht.start();
      }
      LOG.info("host {} listening on {} ({})", peerId, listenAddrs(), loops.nativeEpoll() ? "epoll" : "nio");
      started.complete(null);
    });
    return started;
  }

  private boolean accepting() {
    State s = state.get();
    return s == State.RUNNING || s == State.STARTING;
  }

  private void maintain() {
    try {
      manager.maintain();
    } catch (RuntimeException e) {
      LOG.warn("connection maintenance failed", e);
    }
  }

  @Override
  public CompletableFuture<Void> stop() {
    State s = state.get();
    if (s == State.STOPPING || s == State.STOPPED) {
      return stopped;
    }
    state.set(State.STOPPING);
    if (s == State.NEW) {
      state.set(State.STOPPED);
      stopped.complete(null);
      return stopped;
    }
    if (dht != null) {
      dht.stop();
    }
    if (maintenance != null) {
      maintenance.cancel(false);
    }
    List<CompletableFuture<Void>> closing = new ArrayList<>();
    for (TransportListener l : bound) {
      closing.add(l.close().exceptionally(e -> null));
    }
    for (HostConnection c : manager.connections()) {
      c.channel().close();
      closing.add(c.closeFuture().exceptionally(e -> null));
    }
    CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new))
        .orTimeout(5, TimeUnit.SECONDS)
        .handle((v, e) -> loops == null ? CompletableFuture.<Void>completedFuture(null) : loops.shutdown())
        .thenCompose(f -> f)
        .whenComplete((v, e) -> {
          state.set(State.STOPPED);
          bound.clear();
          stopped.complete(null);
        });
    return stopped;
  }

  @Override
  public List<Multiaddr> listenAddrs() {
    List<Multiaddr> out = new ArrayList<>();
    for (TransportListener l : bound) {
      out.addAll(ListenAddresses.expand(l.address()));
    }
    return List.copyOf(out);
  }

  /** Called by the dialer for every registered connection. */
  private void onConnected(HostConnection c) {
    peerStore.putKey(c.remotePeer(), c.secureSession().remoteKey());
    if (c.direction() == Direction.OUTBOUND) {
      peerStore.addAddresses(c.remotePeer(), List.of(c.remoteAddress()));
    }
    LOG.debug("connected {}", c);
    fire(l -> l.connected(c));
    identify.identify(c);
  }

  private void onDisconnected(HostConnection c) {
    LOG.debug("disconnected {}", c);
    fire(l -> l.disconnected(c));
  }

  void fireIdentified(PeerId peer, PeerInfo info) {
    fire(l -> l.identified(peer, info));
  }

  private void fire(java.util.function.Consumer<HostListener> event) {
    for (HostListener l : listeners) {
      try {
        event.accept(l);
      } catch (RuntimeException e) {
        LOG.warn("host listener {} threw", l, e);
      }
    }
  }

  @Override
  public CompletableFuture<Connection> dial(Multiaddr address) {
    if (state.get() != State.RUNNING) {
      return CompletableFuture.failedFuture(new HostException(HostError.NOT_RUNNING, "host is not running"));
    }
    return dialer.dial(address).thenApply(c -> c);
  }

  @Override
  public CompletableFuture<Connection> connect(PeerId peer) {
    return connectInternal(peer).thenApply(c -> c);
  }

  private CompletableFuture<HostConnection> connectInternal(PeerId peer) {
    if (state.get() != State.RUNNING) {
      return CompletableFuture.failedFuture(new HostException(HostError.NOT_RUNNING, "host is not running"));
    }
    return dialer.connect(peer);
  }

  @Override
  public CompletableFuture<Stream> newStream(PeerId peer, List<String> protocolIds) {
    if (protocolIds.isEmpty()) {
      return CompletableFuture.failedFuture(new IllegalArgumentException("protocols must not be empty"));
    }
    return connectInternal(peer).thenCompose(c -> c.newStream(protocolIds));
  }

  @Override
  public CompletableFuture<Duration> ping(PeerId peer) {
    return connectInternal(peer)
        .thenCompose(c -> c.openStream(List.of(PingProtocol.ID), (ch, id) -> {
          PingInitiator p = new PingInitiator(random, System::nanoTime);
          ch.pipeline().addLast("ping", p);
          closeOnTimeout(ch, p.rtt());
          return p;
        }))
        .thenCompose(PingInitiator::rtt)
        .orTimeout(config.protocolTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .exceptionallyCompose(e -> CompletableFuture.failedFuture(protocolFailure("ping", peer, e)));
  }

  /** Closes {@code stream} when {@code outcome} is not done within the protocol timeout. */
  void closeOnTimeout(io.netty.channel.Channel stream, CompletableFuture<?> outcome) {
    outcome.orTimeout(config.protocolTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete((v, e) -> {
          if (e != null) {
            stream.close();
          }
        });
  }

  private static Throwable protocolFailure(String what, PeerId peer, Throwable e) {
    Throwable t = ConnectionUpgrader.unwrap(e);
    if (t instanceof HostException) {
      return t;
    }
    String reason = t instanceof java.util.concurrent.TimeoutException ? "timed out" : String.valueOf(t.getMessage());
    return new HostException(HostError.PROTOCOL_FAILED, what + " of " + peer + " failed: " + reason, t);
  }

  @Override
  public CompletableFuture<PerfResult> perf(PeerId peer, long uploadBytes, long downloadBytes) {
    return connectInternal(peer)
        .thenCompose(c -> c.openStream(List.of(PerfProtocol.ID), (ch, id) -> {
          PerfClient p = new PerfClient(uploadBytes, downloadBytes, System::nanoTime);
          ch.pipeline().addLast("perf", p);
          return p;
        }))
        .thenCompose(PerfClient::result);
  }

  @Override
  public void addProtocol(String protocolId, StreamHandler handler) {
    protocols.add(protocolId, handler);
    if (state.get() == State.RUNNING) {
      identify.pushToAll();
    }
  }

  @Override
  public void removeProtocol(String protocolId) {
    if (protocols.remove(protocolId) && state.get() == State.RUNNING) {
      identify.pushToAll();
    }
  }

  @Override
  public List<String> protocols() {
    return protocols.ids();
  }

  @Override
  public List<Connection> connections() {
    return List.copyOf(manager.connections());
  }

  List<HostConnection> hostConnections() {
    return manager.connections();
  }

  @Override
  public List<Connection> connections(PeerId peer) {
    return List.copyOf(manager.connections(peer));
  }

  @Override
  public CompletableFuture<Void> disconnect(PeerId peer) {
    return CompletableFuture.allOf(manager.connections(peer).stream()
        .map(HostConnection::close).toArray(CompletableFuture[]::new));
  }

  @Override
  public PeerStore peerStore() {
    return peerStore;
  }

  @Override
  public void addListener(HostListener listener) {
    listeners.add(listener);
  }

  @Override
  public void removeListener(HostListener listener) {
    listeners.remove(listener);
  }

  /** Runs connection maintenance now (tests). */
  void maintainNow() {
    manager.maintain();
  }

  @Override
  public String toString() {
    return "Host[" + peerId + " " + listenAddrs() + "]";
  }
}
