package dev.icon.overlay.api;

import dev.icon.overlay.host.HostFactory;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.overlay.kad.KadConfig;
import dev.icon.overlay.multiaddr.Multiaddr;
import dev.icon.overlay.spi.SecureChannel;
import dev.icon.overlay.spi.StreamMuxer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Builds a {@link Host}. Not thread-safe; {@link #build()} may be called once per configuration.
 * Defaults: a fresh Ed25519 identity, {@code /ip4/127.0.0.1/tcp/0}, {@link HostConfig#defaults()},
 * Noise and Yamux, the system clock and a secure random, no DHT.
 */
public final class HostBuilder {

  private PrivateKey identity;
  private final List<Multiaddr> listen = new ArrayList<>();
  private final Map<String, StreamHandler> protocols = new LinkedHashMap<>();
  private final List<HostListener> listeners = new ArrayList<>();
  private HostConfig config = HostConfig.defaults();
  private SecureChannel security;
  private StreamMuxer muxer;
  private Clock clock = Clock.systemUTC();
  private RandomGenerator random = new java.security.SecureRandom();
  private DhtMode dhtMode;
  private KadConfig dhtConfig;

  HostBuilder() {}

  /** The host's identity key (default: a new Ed25519 key). */
  public HostBuilder identity(PrivateKey key) {
    this.identity = Objects.requireNonNull(key, "key");
    return this;
  }

  /** Adds listen addresses, e.g. {@code /ip4/0.0.0.0/tcp/4001} or {@code /ip6/::1/tcp/0}. */
  public HostBuilder listen(Multiaddr... addresses) {
    listen.addAll(List.of(addresses));
    return this;
  }

  /** Adds listen addresses given as strings. */
  public HostBuilder listen(String... addresses) {
    for (String a : addresses) {
      listen.add(Multiaddr.parse(a));
    }
    return this;
  }

  /** Registers the handler of {@code protocolId} (more can be added after start). */
  public HostBuilder protocol(String protocolId, StreamHandler handler) {
    protocols.put(Objects.requireNonNull(protocolId, "protocolId"), Objects.requireNonNull(handler, "handler"));
    return this;
  }

  /** Adds an event listener, registered before anything can happen. */
  public HostBuilder listener(HostListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /** Limits and timeouts (default {@link HostConfig#defaults()}). */
  public HostBuilder config(HostConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    return this;
  }

  /** The security protocol (default Noise with this identity). */
  public HostBuilder security(SecureChannel security) {
    this.security = Objects.requireNonNull(security, "security");
    return this;
  }

  /** The stream muxer (default Yamux with {@link HostConfig#maxStreamsPerConnection()}). */
  public HostBuilder muxer(StreamMuxer muxer) {
    this.muxer = Objects.requireNonNull(muxer, "muxer");
    return this;
  }

  /** The clock for connection ages and idle time (default system UTC). */
  public HostBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /** Randomness for ping payloads (default {@link java.security.SecureRandom}). */
  public HostBuilder random(RandomGenerator random) {
    this.random = Objects.requireNonNull(random, "random");
    return this;
  }

  /**
   * Enables the Kademlia DHT ({@link Host#dht()}) in {@code mode} with {@code config} (e.g. {@link
   * KadConfig#defaults()}, or {@link KadConfig#forTests()} for short intervals). Default: no DHT.
   */
  public HostBuilder dht(DhtMode mode, KadConfig config) {
    this.dhtMode = Objects.requireNonNull(mode, "mode");
    this.dhtConfig = Objects.requireNonNull(config, "config");
    return this;
  }

  /** Builds the host (not started). */
  public Host build() {
    PrivateKey key = identity != null ? identity : PrivateKey.generateEd25519();
    List<Multiaddr> addrs = listen.isEmpty() ? List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")) : listen;
    return HostFactory.create(config, key, addrs, protocols, security, muxer, clock, random, listeners,
        dhtMode, dhtConfig);
  }
}
