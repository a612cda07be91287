package dev.icon.node.cli.peer;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.icon.overlay.api.Dht;
import dev.icon.overlay.api.DhtPeer;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.multiaddr.Multiaddr;
import dev.icon.proto.libp2p.kad.IconRecord;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The DHT actions of {@code icon peer}, run one after the other in a fixed order (the js peer's):
 * bootstrap, put, provide, get, find-providers, find-peer. Each prints its {@code dht:*} event; a
 * failure (nothing found, nobody stored a record, a timeout) is an {@code error} event at {@code
 * dht-<action>} and makes the run fail (exit code 3), the rest still run. Blocks its caller.
 */
final class DhtActions {

  /** How long a record put by {@code --put} stays valid. */
  static final Duration PUT_TTL = Duration.ofHours(24);

  /** Valid records {@code --get} waits for before it picks the best (fewer if the lookup ends). */
  static final int GET_QUORUM = 3;

  /** Providers {@code --find-providers} asks for: k. */
  static final int MAX_PROVIDERS = 20;

  private final Dht dht;
  private final PeerId self;
  private final DhtOptions options;
  private final EventPrinter events;
  private final Clock clock;
  private final long timeoutSeconds;

  DhtActions(Dht dht, PeerId self, DhtOptions options, EventPrinter events, Clock clock,
      long timeoutSeconds) {
    this.dht = dht;
    this.self = self;
    this.options = options;
    this.events = events;
    this.clock = clock;
    this.timeoutSeconds = timeoutSeconds;
  }

  /** Runs every requested DHT action through {@code runner}. */
  void runAll(ActionRunner runner) {
    if (!options.bootstrap.isEmpty()) {
      runner.run("dht-bootstrap", this::bootstrap);
    }
    options.put.forEach(p -> runner.run("dht-put", () -> put(p)));
    options.provide.forEach(k -> runner.run("dht-provide", () -> provide(k)));
    options.get.forEach(k -> runner.run("dht-get", () -> get(k)));
    options.findProviders.forEach(k -> runner.run("dht-find-providers", () -> findProviders(k)));
    options.findPeer.forEach(id -> runner.run("dht-find-peer", () -> findPeer(id)));
  }

  private void bootstrap() throws Exception {
    int size = await(dht.bootstrap(options.bootstrap.stream().map(Multiaddr::parse).toList()));
    events.emit("dht:bootstrapped", Map.of("routingTable", size));
  }

  private void put(String spec) throws Exception {
    int eq = spec.indexOf('=');
    String name = DhtKeys.putName(spec.substring(0, eq), self);
    byte[] value = spec.substring(eq + 1).getBytes(StandardCharsets.UTF_8);
    int peers = await(dht.putIconRecord(name, value, clock.millis(), PUT_TTL));
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("key", "/icon/" + self.toBase58() + "/" + name);
    f.put("ok", peers > 0);
    f.put("peers", peers);
    events.emit("dht:put", f);
    if (peers == 0) {
      throw new IllegalStateException("no peer stored the record");
    }
  }

  private void provide(String key) throws Exception {
    int peers = await(dht.provide(DhtKeys.providerKey(key)));
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("key", key);
    f.put("ok", true);
    f.put("peers", peers);
    events.emit("dht:provide", f);
  }

  private void get(String key) throws Exception {
    Optional<byte[]> record = await(dht.getValue(DhtKeys.recordKey(key), GET_QUORUM));
    if (record.isEmpty()) {
      throw new IllegalStateException("no record found for " + key);
    }
    String value;
    if (DhtKeys.isPublicKeyKey(key)) {
      value = Base64.getEncoder().encodeToString(record.get());
    } else {
      value = iconValue(record.get());
    }
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("key", key);
    f.put("value", value);
    events.emit("dht:value", f);
  }

  private void findProviders(String key) throws Exception {
    List<DhtPeer> found = await(dht.findProviders(DhtKeys.providerKey(key), MAX_PROVIDERS));
    List<Map<String, Object>> providers = found.stream().map(p -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("peerId", p.id().toBase58());
      m.put("addrs", p.addrs().stream().map(Multiaddr::toString).toList());
      return m;
    }).toList();
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("key", key);
    f.put("providers", providers);
    events.emit("dht:providers", f);
  }

  private void findPeer(String id) throws Exception {
    PeerId peer = PeerId.parse(id);
    DhtPeer found = await(dht.findPeer(peer))
        .orElseThrow(() -> new IllegalStateException("peer " + id + " not found"));
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("peerId", peer.toBase58());
    f.put("addrs", found.addrs().stream().map(Multiaddr::toString).toList());
    f.put("hops", found.hops());
    events.emit("dht:found-peer", f);
  }

  /** The application value of a validated {@code /icon/} record, as UTF-8 text. */
  private static String iconValue(byte[] record) throws InvalidProtocolBufferException {
    return IconRecord.parseFrom(record).getValue().toStringUtf8();
  }

  private <T> T await(CompletableFuture<T> f) throws Exception {
    try {
      return f.get(timeoutSeconds, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new TimeoutException("timed out after " + timeoutSeconds + " s");
    }
  }
}
