package dev.icon.overlay.kad;

import dev.icon.overlay.api.Dht;
import dev.icon.overlay.api.DhtMode;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.api.HostConfig;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.overlay.multiaddr.Multiaddr;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Starts real hosts with the DHT on 127.0.0.1 port 0 and stops them all. */
final class DhtHosts implements AutoCloseable {

  /** Test settings with a short request timeout: every peer is on loopback. */
  static final KadConfig CONFIG = KadConfig.forTests();

  private final List<Host> hosts = new ArrayList<>();
  private final HostConfig hostConfig;

  /** Hosts with {@link HostConfig#forTests()}. */
  DhtHosts() {
    this(HostConfig.forTests());
  }

  /** Hosts with {@code hostConfig}. */
  DhtHosts(HostConfig hostConfig) {
    this.hostConfig = hostConfig;
  }

  /** A started host with the DHT in {@code mode}. */
  Host start(DhtMode mode) {
    return start(mode, CONFIG);
  }

  /** A started host with the DHT in {@code mode} with {@code config}. */
  Host start(DhtMode mode, KadConfig config) {
    return start(mode, config, PrivateKey.generateEd25519());
  }

  /** A started host with identity {@code key} and the DHT in {@code mode} with {@code config}. */
  Host start(DhtMode mode, KadConfig config, PrivateKey key) {
    Host h = Host.builder()
        .identity(key)
        .config(hostConfig)
        .listen("/ip4/127.0.0.1/tcp/0")
        .dht(mode, config)
        .build();
    hosts.add(h);
    h.start().join();
    return h;
  }

  /** A started host without a DHT (to speak raw kad streams). */
  Host startPlain() {
    Host h = Host.builder().config(hostConfig).listen("/ip4/127.0.0.1/tcp/0").build();
    hosts.add(h);
    h.start().join();
    return h;
  }

  static Dht dht(Host h) {
    return h.dht().orElseThrow();
  }

  /** A host's first listen address with its /p2p/ id. */
  static Multiaddr addr(Host h) {
    return h.listenAddrs().get(0).withPeerId(h.peerId());
  }

  /** Waits for {@code f}, at most 20 s (loopback operations). */
  static <T> T get(CompletableFuture<T> f) throws Exception {
    return f.get(20, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    List<CompletableFuture<Void>> stops = new ArrayList<>();
    for (Host h : hosts) {
      stops.add(h.stop());
    }
    CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).join();
  }
}
