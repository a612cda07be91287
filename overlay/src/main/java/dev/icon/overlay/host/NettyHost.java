package dev.icon.overlay.host;

import dev.icon.overlay.api.Connection;
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
import dev.icon.overlay.multiaddr.Multiaddr;
import dev.icon.overlay.perf.PerfClient;
import dev.icon.overlay.perf.PerfProtocol;
import dev.icon.overlay.ping.PingInitiator;
import dev.icon.overlay.ping.PingProtocol;
import dev.icon.overlay.spi.Role;
import dev.icon.overlay.spi.SecureChannel;
import dev.icon.overlay.spi.StreamMuxer;
import dev.icon.overlay.transport.EventLoops;
import dev.icon.overlay.transport.TcpTransport;
import dev.icon.overlay.transport.Transport;
import dev.icon.overlay.transport.TransportListener;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
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
  private final MemoryPeerStore peerStore = new MemoryPeerStore(10_000, 32);
  private final ConnectionManager<HostConnection> manager;
  private final List<HostListener> listeners = new CopyOnWriteArrayList<>();
  private final List<TransportListener> bound = new CopyOnWriteArrayList<>();
  private final IdentifyService identify;
  private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
  private final CompletableFuture<Void> started = new CompletableFuture<>();
  private final CompletableFuture<Void> stopped = new CompletableFuture<>();
  private volatile EventLoops loops;
  private volatile Transport transport;
  private volatile ScheduledFuture<?> maintenance;

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
    this.listeners.addAll(initialListeners);
    this.identify = new IdentifyService(this, peerStore, config);
    this.protocols = new ProtocolRegistry(config, identify);
    handlers.forEach(protocols::add);
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
    } catch (RuntimeException e) {
      started.completeExceptionally(e);
      return started;
    }
    List<CompletableFuture<TransportListener>> all = new ArrayList<>();
    for (Multiaddr a : listenRequested) {
      all.add(transport.listen(a, inboundInitializer()).thenApply(l -> {
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
      state.compareAndSet(State.STARTING, State.RUNNING);
      LOG.info("host {} listening on {} ({})", peerId, listenAddrs(), loops.nativeEpoll() ? "epoll" : "nio");
      started.complete(null);
    });
    return started;
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
    return bound.stream().map(TransportListener::address).toList();
  }

  private ChannelInitializer<Channel> inboundInitializer() {
    return new ChannelInitializer<>() {
      @Override
      protected void initChannel(Channel ch) {
        if (state.get() != State.RUNNING && state.get() != State.STARTING || !manager.tryReservePending()) {
          LOG.debug("refusing inbound connection from {}: limit or not running", ch.remoteAddress());
          ch.close();
          return;
        }
        upgradeAndRegister(ch, Role.RESPONDER, Optional.empty(), Direction.INBOUND)
            .exceptionally(e -> null);
      }
    };
  }

  /** Upgrades a raw channel whose connection slot is reserved, then registers it. */
  private CompletableFuture<HostConnection> upgradeAndRegister(Channel ch, Role role,
      Optional<PeerId> expected, Direction direction) {
    AtomicReference<HostConnection> holder = new AtomicReference<>();
    ChannelInitializer<Channel> inboundStreams = new ChannelInitializer<>() {
      @Override
      protected void initChannel(Channel child) {
        HostConnection c = holder.get();
        if (c == null) {
          child.close();
        } else {
          protocols.acceptInbound(c, child);
        }
      }
    };
    return upgrader.upgrade(ch, role, expected, inboundStreams).handle((up, e) -> {
      if (e != null) {
        manager.releasePending();
        throw asHostException(e);
      }
      HostConnection c = new HostConnection(ch, up.secure(), up.session(), up.muxerProtocol(),
          direction, transport.remoteAddress(ch), transport.localAddress(ch), clock,
          config.multistream(), config.closeTimeout());
      holder.set(c);
      if (c.remotePeer().equals(peerId)) {
        ch.close();
        throw new HostException(HostError.DIAL_SELF, "connected to ourselves");
      }
      if (!manager.register(c)) {
        ch.close();
        Optional<HostConnection> existing = manager.best(c.remotePeer());
        if (direction == Direction.OUTBOUND && existing.isPresent()) {
          return existing.get();
        }
        throw new HostException(HostError.CONNECTION_LIMIT,
            "too many connections to " + c.remotePeer() + " (max " + config.maxConnectionsPerPeer() + ")");
      }
      ch.closeFuture().addListener(f -> onDisconnected(c));
      onConnected(c);
      return c;
    });
  }

  private void onConnected(HostConnection c) {
    if (c.direction() == Direction.OUTBOUND) {
      peerStore.addAddresses(c.remotePeer(), List.of(c.remoteAddress()));
    }
    LOG.debug("connected {}", c);
    fire(l -> l.connected(c));
    identify.identify(c);
  }

  private void onDisconnected(HostConnection c) {
    manager.unregister(c);
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
    return dialInternal(address).thenApply(c -> c);
  }

  private CompletableFuture<HostConnection> dialInternal(Multiaddr address) {
    if (state.get() != State.RUNNING) {
      return CompletableFuture.failedFuture(new HostException(HostError.NOT_RUNNING, "host is not running"));
    }
    Optional<PeerId> expected = address.peerId();
    if (expected.filter(peerId::equals).isPresent()) {
      return CompletableFuture.failedFuture(new HostException(HostError.DIAL_SELF, "cannot dial ourselves"));
    }
    if (expected.isPresent()) {
      Optional<HostConnection> existing = manager.best(expected.get());
      if (existing.isPresent()) {
        return CompletableFuture.completedFuture(existing.get());
      }
    }
    Object key = expected.isPresent() ? expected.get() : address.withoutPeerId().toString();
    return manager.dedupe(key, () -> dialNew(address, expected));
  }

  private CompletableFuture<HostConnection> dialNew(Multiaddr address, Optional<PeerId> expected) {
    if (!transport.canDial(address)) {
      return CompletableFuture.failedFuture(
          new HostException(HostError.UNSUPPORTED_ADDRESS, "no transport for " + address));
    }
    if (!manager.tryReservePending()) {
      return CompletableFuture.failedFuture(new HostException(HostError.CONNECTION_LIMIT,
          "connection limit reached (" + config.maxConnections() + ")"));
    }
    CompletableFuture<HostConnection> result = new CompletableFuture<>();
    transport.dial(address, new ChannelInitializer<>() {
      @Override
      protected void initChannel(Channel ch) {
        upgradeAndRegister(ch, Role.INITIATOR, expected, Direction.OUTBOUND).whenComplete((c, e) -> {
          if (e != null) {
            result.completeExceptionally(asHostException(e));
          } else {
            result.complete(c);
          }
        });
      }
    }).whenComplete((ch, e) -> {
      if (e != null) {
        manager.releasePending();
        result.completeExceptionally(new HostException(HostError.DIAL_FAILED,
            "cannot connect to " + address + ": " + ConnectionUpgrader.unwrap(e).getMessage(), e));
      }
    });
    return result;
  }

  static HostException asHostException(Throwable e) {
    Throwable t = ConnectionUpgrader.unwrap(e);
    return t instanceof HostException h ? h : new HostException(HostError.UPGRADE_FAILED, String.valueOf(t.getMessage()), t);
  }

  @Override
  public CompletableFuture<Connection> connect(PeerId peer) {
    return connectInternal(peer).thenApply(c -> c);
  }

  CompletableFuture<HostConnection> connectInternal(PeerId peer) {
    Optional<HostConnection> existing = manager.best(peer);
    if (existing.isPresent()) {
      return CompletableFuture.completedFuture(existing.get());
    }
    List<Multiaddr> addrs = new ArrayList<>(peerStore.addresses(peer));
    if (addrs.isEmpty()) {
      return CompletableFuture.failedFuture(new HostException(HostError.NO_ADDRESSES, "no address known for " + peer));
    }
    return manager.dedupe(peer, () -> tryAddresses(peer, addrs.iterator(), null));
  }

  private CompletableFuture<HostConnection> tryAddresses(PeerId peer, Iterator<Multiaddr> it, Throwable last) {
    if (!it.hasNext()) {
      return CompletableFuture.failedFuture(last != null ? asHostException(last)
          : new HostException(HostError.NO_ADDRESSES, "no address known for " + peer));
    }
    Multiaddr a = it.next().withPeerId(peer);
    return dialNew(a, Optional.of(peer)).handle((c, e) -> e == null
        ? CompletableFuture.completedFuture(c)
        : tryAddresses(peer, it, e)).thenCompose(f -> f);
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
          return p;
        }))
        .thenCompose(PingInitiator::rtt)
        .orTimeout(config.protocolTimeout().toMillis(), TimeUnit.MILLISECONDS);
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
