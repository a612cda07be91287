package dev.icon.overlay.api;

import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.multiaddr.Multiaddr;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A libp2p host: one identity, listening on some addresses, with connections to other peers and
 * protocol handlers. Create with {@link #builder()}:
 *
 * <pre>{@code
 * Host host = Host.builder().identity(key).listen("/ip4/127.0.0.1/tcp/0")
 *     .protocol("/echo/1.0.0", stream -> ...).build();
 * host.start().join();
 * Connection c = host.dial(Multiaddr.parse("/ip4/127.0.0.1/tcp/4001/p2p/12D3Koo...")).join();
 * Stream s = host.newStream(c.remotePeer(), List.of("/echo/1.0.0")).join();
 * }</pre>
 *
 * <p>Threading: thread-safe; every method may be called from any thread and returns without
 * blocking. Futures complete on a Netty event loop: dependents that block must move to their own
 * executor ({@code thenApplyAsync(f, executor)}). {@link #start()} and {@link #stop()} are
 * idempotent.
 */
public interface Host {

  /** A builder for a host with defaults from {@link HostConfig#defaults()}. */
  static HostBuilder builder() {
    return new HostBuilder();
  }

  /** This host's peer id. */
  PeerId peerId();

  /**
   * Binds the listen addresses and starts services; completes when listening, or fails (and
   * releases what it started) when an address cannot be bound. A stopped host cannot be started
   * again: build a new one.
   */
  CompletableFuture<Void> start();

  /** Closes listeners and connections, then the event loops; completes when all is released. */
  CompletableFuture<Void> stop();

  /** The bound listen addresses (ports resolved), without /p2p/; empty before start. */
  List<Multiaddr> listenAddrs();

  /** {@link #listenAddrs()} with {@code /p2p/<peerId>} appended: what others dial. */
  default List<Multiaddr> dialAddrs() {
    return listenAddrs().stream().map(a -> a.withPeerId(peerId())).toList();
  }

  /**
   * Connects to {@code address}. With a /p2p/ suffix the remote must prove that id, otherwise the
   * future fails with {@link HostError#PEER_ID_MISMATCH}; without, whatever peer answers is
   * accepted. An existing connection to the same peer is reused, and concurrent dials to one peer
   * share one future.
   */
  CompletableFuture<Connection> dial(Multiaddr address);

  /** Connects to {@code peer} using an existing connection or the addresses in the peer store. */
  CompletableFuture<Connection> connect(PeerId peer);

  /**
   * Opens a stream to {@code peer} (connecting first if needed) speaking the first of {@code
   * protocols} the remote supports (multistream-select, in the given order).
   */
  CompletableFuture<Stream> newStream(PeerId peer, List<String> protocols);

  /** Measures one round trip over {@code /ipfs/ping/1.0.0}, connecting if needed. */
  CompletableFuture<Duration> ping(PeerId peer);

  /** Runs one {@code /perf/1.0.0} measurement (remote must enable perf). */
  CompletableFuture<PerfResult> perf(PeerId peer, long uploadBytes, long downloadBytes);

  /** Registers (or replaces) the handler of {@code protocolId}; connected peers get an identify push. */
  void addProtocol(String protocolId, StreamHandler handler);

  /** Unregisters {@code protocolId}; connected peers get an identify push. */
  void removeProtocol(String protocolId);

  /** Protocol ids this host serves. */
  List<String> protocols();

  /** Open connections (snapshot). */
  List<Connection> connections();

  /** Open connections to {@code peer} (snapshot). */
  List<Connection> connections(PeerId peer);

  /** Closes every connection to {@code peer}. */
  CompletableFuture<Void> disconnect(PeerId peer);

  /** What the host knows about other peers. */
  PeerStore peerStore();

  /** Adds an event listener. */
  void addListener(HostListener listener);

  /** Removes an event listener. */
  void removeListener(HostListener listener);

  /**
   * The Kademlia DHT, if the builder enabled it ({@link HostBuilder#dht}); it starts and stops with
   * the host.
   */
  default Optional<Dht> dht() {
    return Optional.empty();
  }

  /** The immutable configuration. */
  HostConfig config();
}
