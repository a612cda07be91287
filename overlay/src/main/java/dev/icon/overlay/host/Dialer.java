package dev.icon.overlay.host;

import dev.icon.overlay.api.Direction;
import dev.icon.overlay.api.HostConfig;
import dev.icon.overlay.api.HostError;
import dev.icon.overlay.api.HostException;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.multiaddr.Multiaddr;
import dev.icon.overlay.spi.Role;
import dev.icon.overlay.transport.Transport;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes connections for one host: dials (with deduplication and address fallback), accepts, runs
 * the upgrade and registers the result with the {@link ConnectionManager}. Thread-safe; the
 * transport is set once when the host starts.
 */
final class Dialer {

  private static final Logger LOG = LoggerFactory.getLogger(Dialer.class);

  /** What happens to registered connections. Called on the connection's event loop. */
  interface Events {
    void connected(HostConnection c);

    void disconnected(HostConnection c);
  }

  private final HostConfig config;
  private final PeerId peerId;
  private final ConnectionUpgrader upgrader;
  private final ConnectionManager<HostConnection> manager;
  private final MemoryPeerStore peerStore;
  private final ProtocolRegistry protocols;
  private final Clock clock;
  private final Events events;
  private volatile Transport transport;

  Dialer(HostConfig config, PeerId peerId, ConnectionUpgrader upgrader,
      ConnectionManager<HostConnection> manager, MemoryPeerStore peerStore,
      ProtocolRegistry protocols, Clock clock, Events events) {
    this.config = config;
    this.peerId = peerId;
    this.upgrader = upgrader;
    this.manager = manager;
    this.peerStore = peerStore;
    this.protocols = protocols;
    this.clock = clock;
    this.events = events;
  }

  void transport(Transport t) {
    this.transport = t;
  }

  /** Sets up each accepted raw connection: slot check, then upgrade and registration. */
  ChannelInitializer<Channel> inboundInitializer(BooleanSupplier accepting) {
    return new ChannelInitializer<>() {
      @Override
      protected void initChannel(Channel ch) {
        if (!accepting.getAsBoolean() || !manager.tryReservePending()) {
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
      ch.closeFuture().addListener(f -> {
        manager.unregister(c);
        events.disconnected(c);
      });
      events.connected(c);
      return c;
    });
  }

  /** Connects to {@code address}, reusing or sharing a connection to its /p2p/ peer. */
  CompletableFuture<HostConnection> dial(Multiaddr address) {
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

  /** An existing connection to {@code peer}, or a new one to one of its stored addresses. */
  CompletableFuture<HostConnection> connect(PeerId peer) {
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
}
