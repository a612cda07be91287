package dev.icon.overlay.api;

import dev.icon.overlay.multistream.MultistreamConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * Every limit and timeout of a host. Immutable and thread-safe; built by {@link #builder()} or a
 * profile ({@link #defaults()}, {@link #forTests()}).
 *
 * @param maxConnections connections in total (inbound + outbound, including ones being upgraded)
 * @param maxConnectionsPerPeer established connections to one peer
 * @param lowWatermark trimming closes connections until this many remain
 * @param highWatermark trimming starts when more than this many are open
 * @param gracePeriod a new connection is never trimmed before it is this old
 * @param idleTimeout a connection without streams for this long is closed
 * @param maintenanceInterval how often idle connections and watermarks are checked
 * @param dialTimeout TCP connect
 * @param upgradeTimeout security plus muxer negotiation of a new connection
 * @param closeTimeout how long a graceful close waits for open streams
 * @param maxStreamsPerConnection inbound streams one connection may have open at once
 * @param multistream multistream-select limits (message size, negotiation timeout)
 * @param maxIdentifyMessageSize one identify message's size limit
 * @param protocolTimeout identify, ping and perf setup
 * @param eventLoopThreads Netty I/O threads; 0 means Netty's default (2 x cores)
 * @param preferNativeTransport use epoll when available (Linux), NIO otherwise
 * @param pingEnabled serve {@code /ipfs/ping/1.0.0}
 * @param perfEnabled serve {@code /perf/1.0.0}
 * @param agentVersion sent in identify
 * @param maxPeerStorePeers peers the peer store remembers
 * @param maxAddressesPerPeer addresses remembered per peer (and observed addresses of ours)
 * @param maxPerfBytes largest download one perf request may ask this host to send
 */
public record HostConfig(
    int maxConnections,
    int maxConnectionsPerPeer,
    int lowWatermark,
    int highWatermark,
    Duration gracePeriod,
    Duration idleTimeout,
    Duration maintenanceInterval,
    Duration dialTimeout,
    Duration upgradeTimeout,
    Duration closeTimeout,
    int maxStreamsPerConnection,
    MultistreamConfig multistream,
    int maxIdentifyMessageSize,
    Duration protocolTimeout,
    int eventLoopThreads,
    boolean preferNativeTransport,
    boolean pingEnabled,
    boolean perfEnabled,
    String agentVersion,
    int maxPeerStorePeers,
    int maxAddressesPerPeer,
    long maxPerfBytes) {

  /** The version sent as {@code icon/<version>} in identify. */
  public static final String VERSION = BuildInfo.version();

  /** Validates; the message names the field at fault. */
  public HostConfig {
    positive("maxConnections", maxConnections);
    positive("maxConnectionsPerPeer", maxConnectionsPerPeer);
    positive("maxStreamsPerConnection", maxStreamsPerConnection);
    positive("maxIdentifyMessageSize", maxIdentifyMessageSize);
    positive("maxPeerStorePeers", maxPeerStorePeers);
    positive("maxAddressesPerPeer", maxAddressesPerPeer);
    if (maxPerfBytes < 0) {
      throw new IllegalArgumentException("maxPerfBytes must be >= 0: " + maxPerfBytes);
    }
    if (lowWatermark < 0 || lowWatermark > highWatermark) {
      throw new IllegalArgumentException("lowWatermark must be in [0, highWatermark]: " + lowWatermark);
    }
    if (highWatermark > maxConnections) {
      throw new IllegalArgumentException("highWatermark must be <= maxConnections: " + highWatermark);
    }
    if (eventLoopThreads < 0) {
      throw new IllegalArgumentException("eventLoopThreads must be >= 0: " + eventLoopThreads);
    }
    positive("gracePeriod", gracePeriod, true);
    positive("idleTimeout", idleTimeout, false);
    positive("maintenanceInterval", maintenanceInterval, false);
    positive("dialTimeout", dialTimeout, false);
    positive("upgradeTimeout", upgradeTimeout, false);
    positive("closeTimeout", closeTimeout, true);
    positive("protocolTimeout", protocolTimeout, false);
    Objects.requireNonNull(multistream, "multistream");
    Objects.requireNonNull(agentVersion, "agentVersion");
  }

  private static void positive(String field, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(field + " must be > 0: " + value);
    }
  }

  private static void positive(String field, Duration value, boolean zeroAllowed) {
    Objects.requireNonNull(value, field);
    if (value.isNegative() || (!zeroAllowed && value.isZero())) {
      throw new IllegalArgumentException(field + " must be " + (zeroAllowed ? ">= 0" : "> 0") + ": " + value);
    }
  }

  /** Production defaults. */
  public static HostConfig defaults() {
    return builder().build();
  }

  /** Small and fast for tests: one I/O thread, short timeouts. */
  public static HostConfig forTests() {
    return builder()
        .eventLoopThreads(1)
        .dialTimeout(Duration.ofSeconds(5))
        .upgradeTimeout(Duration.ofSeconds(5))
        .protocolTimeout(Duration.ofSeconds(5))
        .closeTimeout(Duration.ofMillis(500))
        .maintenanceInterval(Duration.ofMillis(200))
        .build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this config. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxConnections = maxConnections;
    b.maxConnectionsPerPeer = maxConnectionsPerPeer;
    b.lowWatermark = lowWatermark;
    b.highWatermark = highWatermark;
    b.gracePeriod = gracePeriod;
    b.idleTimeout = idleTimeout;
    b.maintenanceInterval = maintenanceInterval;
    b.dialTimeout = dialTimeout;
    b.upgradeTimeout = upgradeTimeout;
    b.closeTimeout = closeTimeout;
    b.maxStreamsPerConnection = maxStreamsPerConnection;
    b.multistream = multistream;
    b.maxIdentifyMessageSize = maxIdentifyMessageSize;
    b.protocolTimeout = protocolTimeout;
    b.eventLoopThreads = eventLoopThreads;
    b.preferNativeTransport = preferNativeTransport;
    b.pingEnabled = pingEnabled;
    b.perfEnabled = perfEnabled;
    b.agentVersion = agentVersion;
    b.maxPeerStorePeers = maxPeerStorePeers;
    b.maxAddressesPerPeer = maxAddressesPerPeer;
    b.maxPerfBytes = maxPerfBytes;
    return b;
  }

  /** Builder of {@link HostConfig}; not thread-safe. */
  public static final class Builder {
    // Enough for a busy overlay node; each connection costs a socket and a few KiB of buffers.
    private int maxConnections = 256;
    // Two allows a simultaneous dial from both sides to settle without refusing either.
    private int maxConnectionsPerPeer = 2;
    // go-libp2p's connection manager defaults scaled to maxConnections (low 160, high 192).
    private int lowWatermark = 160;
    private int highWatermark = 192;
    // New connections get time to be identified and used before they can be trimmed.
    private Duration gracePeriod = Duration.ofSeconds(20);
    // Unused connections hold sockets and keep-alive traffic; two minutes matches common practice.
    private Duration idleTimeout = Duration.ofMinutes(2);
    // Idle and watermark checks are cheap; once a second keeps limits close to exact.
    private Duration maintenanceInterval = Duration.ofSeconds(1);
    // A TCP handshake beyond 10 s means an unusable path.
    private Duration dialTimeout = Duration.ofSeconds(10);
    // Noise plus two multistream rounds take a few RTTs; 10 s bounds half-open connections.
    private Duration upgradeTimeout = Duration.ofSeconds(10);
    // Lets in-flight streams finish on a graceful close without holding stop() for long.
    private Duration closeTimeout = Duration.ofSeconds(2);
    // Yamux's usual default; bounds the memory one peer can make us spend.
    private int maxStreamsPerConnection = 256;
    // 1 KiB messages, 10 s negotiation (see MultistreamConfig).
    private MultistreamConfig multistream = MultistreamConfig.defaults();
    // js-libp2p's limit; go splits larger identify messages into several of at most 8 KiB.
    private int maxIdentifyMessageSize = 8192;
    // One identify or ping exchange is one RTT; 10 s frees stuck streams.
    private Duration protocolTimeout = Duration.ofSeconds(10);
    // Netty's default sizing suits a server; tests use one thread.
    private int eventLoopThreads = 0;
    // epoll is faster and exposes tcp_info; NIO is the portable fallback.
    private boolean preferNativeTransport = true;
    // Ping is cheap and expected by other implementations.
    private boolean pingEnabled = true;
    // perf lets anyone make us send unbounded traffic: off unless asked for.
    private boolean perfEnabled = false;
    // Identifies this implementation to peers.
    private String agentVersion = "icon/" + VERSION;
    // A large overlay's worth of peers at a few hundred bytes each: a few MiB at most.
    private int maxPeerStorePeers = 10_000;
    // Real peers announce a handful of addresses; 32 stops a peer from flooding the store.
    private int maxAddressesPerPeer = 32;
    // 10 GiB covers any sensible measurement; a perf server should never stream without end.
    private long maxPerfBytes = 10L << 30;

    private Builder() {}

    /** Sets {@link HostConfig#maxConnections()}. */
    public Builder maxConnections(int v) { maxConnections = v; return this; }
    /** Sets {@link HostConfig#maxConnectionsPerPeer()}. */
    public Builder maxConnectionsPerPeer(int v) { maxConnectionsPerPeer = v; return this; }
    /** Sets both watermarks. */
    public Builder watermarks(int low, int high) { lowWatermark = low; highWatermark = high; return this; }
    /** Sets {@link HostConfig#gracePeriod()}. */
    public Builder gracePeriod(Duration v) { gracePeriod = v; return this; }
    /** Sets {@link HostConfig#idleTimeout()}. */
    public Builder idleTimeout(Duration v) { idleTimeout = v; return this; }
    /** Sets {@link HostConfig#maintenanceInterval()}. */
    public Builder maintenanceInterval(Duration v) { maintenanceInterval = v; return this; }
    /** Sets {@link HostConfig#dialTimeout()}. */
    public Builder dialTimeout(Duration v) { dialTimeout = v; return this; }
    /** Sets {@link HostConfig#upgradeTimeout()}. */
    public Builder upgradeTimeout(Duration v) { upgradeTimeout = v; return this; }
    /** Sets {@link HostConfig#closeTimeout()}. */
    public Builder closeTimeout(Duration v) { closeTimeout = v; return this; }
    /** Sets {@link HostConfig#maxStreamsPerConnection()}. */
    public Builder maxStreamsPerConnection(int v) { maxStreamsPerConnection = v; return this; }
    /** Sets {@link HostConfig#multistream()}. */
    public Builder multistream(MultistreamConfig v) { multistream = v; return this; }
    /** Sets {@link HostConfig#maxIdentifyMessageSize()}. */
    public Builder maxIdentifyMessageSize(int v) { maxIdentifyMessageSize = v; return this; }
    /** Sets {@link HostConfig#protocolTimeout()}. */
    public Builder protocolTimeout(Duration v) { protocolTimeout = v; return this; }
    /** Sets {@link HostConfig#eventLoopThreads()}. */
    public Builder eventLoopThreads(int v) { eventLoopThreads = v; return this; }
    /** Sets {@link HostConfig#preferNativeTransport()}. */
    public Builder preferNativeTransport(boolean v) { preferNativeTransport = v; return this; }
    /** Sets {@link HostConfig#pingEnabled()}. */
    public Builder pingEnabled(boolean v) { pingEnabled = v; return this; }
    /** Sets {@link HostConfig#perfEnabled()}. */
    public Builder perfEnabled(boolean v) { perfEnabled = v; return this; }
    /** Sets {@link HostConfig#agentVersion()}. */
    public Builder agentVersion(String v) { agentVersion = v; return this; }

    /** Sets {@link HostConfig#maxPeerStorePeers()}. */
    public Builder maxPeerStorePeers(int v) { maxPeerStorePeers = v; return this; }
    /** Sets {@link HostConfig#maxAddressesPerPeer()}. */
    public Builder maxAddressesPerPeer(int v) { maxAddressesPerPeer = v; return this; }

    /** Sets {@link HostConfig#maxPerfBytes()}. */
    public Builder maxPerfBytes(long v) { maxPerfBytes = v; return this; }

    /** Builds and validates. */
    public HostConfig build() {
      return new HostConfig(maxConnections, maxConnectionsPerPeer, lowWatermark, highWatermark,
          gracePeriod, idleTimeout, maintenanceInterval, dialTimeout, upgradeTimeout, closeTimeout,
          maxStreamsPerConnection, multistream, maxIdentifyMessageSize, protocolTimeout,
          eventLoopThreads, preferNativeTransport, pingEnabled, perfEnabled, agentVersion,
          maxPeerStorePeers, maxAddressesPerPeer, maxPerfBytes);
    }
  }
}
