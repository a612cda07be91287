package dev.icon.overlay.kad;

import static dev.icon.overlay.kad.DhtHosts.addr;
import static dev.icon.overlay.kad.DhtHosts.dht;

import dev.icon.overlay.api.DhtMode;
import dev.icon.overlay.api.DhtPeer;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.overlay.multiaddr.Multiaddr;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Builds a network of real DHT hosts on loopback TCP and measures findPeer lookups between random
 * live hosts: each host (its identity drawn from the seed too) bootstraps to the first host and one random
 * earlier host; then a fraction may be stopped ("killed") before the lookups. Seeded; used by {@link KadDhtNetworkTest} and
 * {@link KadDhtScaleIT} (which grows one network to several sizes).
 */
final class KadNetworkRun {

  /** What one run measured. Latencies in milliseconds. */
  record Summary(int size, int k, int killed, long joinMs, int tableMin, int tableMax, int found,
      int lookups, TreeMap<Integer, Integer> hops, double p50, double p95, double max) {

    /** Mean hop count of the lookups that found their target. */
    double meanHops() {
      int n = hops.values().stream().mapToInt(Integer::intValue).sum();
      return n == 0 ? 0 : hops.entrySet().stream()
          .mapToDouble(e -> e.getKey() * (double) e.getValue()).sum() / n;
    }

    /** Largest hop count of a successful lookup (0 if none). */
    int maxHops() {
      return hops.isEmpty() ? 0 : hops.lastKey();
    }

    @Override
    public String toString() {
      return String.format("kad network %d hosts (%d killed) k=%d: joined in %d ms; tables %d..%d"
          + " peers; findPeer %d/%d found; hops %s mean %.2f; latency p50 %.1f ms p95 %.1f ms"
          + " max %.1f ms", size, killed, k, joinMs, tableMin, tableMax, found, lookups, hops,
          meanHops(), p50, p95, max);
    }

    /** One row of the README's table. */
    String tableRow() {
      return String.format("| %d | %d | %d | %.1f s | %d-%d | %d / %d | %s | %.2f | %d | %.1f / %.1f"
          + " / %.1f |", size, killed, k, joinMs / 1000.0, tableMin, tableMax, found, lookups,
          hops.toString().replace("=", ": ").replace("{", "").replace("}", ""), meanHops(),
          maxHops(), p50, p95, max);
    }
  }

  final List<Host> nodes = new ArrayList<>();
  private final DhtHosts hosts;
  private final KadConfig config;
  private final Random random;

  /** Hosts started by {@code hosts} with {@code config}; lookups and joins drawn from {@code seed}. */
  KadNetworkRun(DhtHosts hosts, KadConfig config, long seed) {
    this.hosts = hosts;
    this.config = config;
    this.random = new Random(seed);
  }

  /** Starts and joins {@code size} hosts; returns the time it took in milliseconds. */
  long join(int size) throws Exception {
    return grow(size);
  }

  /**
   * Starts and joins hosts, one after another, until the network has {@code size}; returns the
   * time it took in milliseconds.
   */
  long grow(int size) throws Exception {
    long start = System.nanoTime();
    for (int i = nodes.size(); i < size; i++) {
      Host h = hosts.start(DhtMode.SERVER, config, seededKey());
      if (i > 0) {
        List<Multiaddr> seeds = new ArrayList<>(List.of(addr(nodes.get(0))));
        if (i > 1) {
          seeds.add(addr(nodes.get(1 + random.nextInt(i - 1))));
        }
        get(dht(h).bootstrap(seeds));
      }
      nodes.add(h);
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  /** Stops {@code count} random hosts other than the first; returns the live ones. */
  List<Host> kill(int count) {
    List<Host> live = new ArrayList<>(nodes);
    for (int i = 0; i < count; i++) {
      Host victim = live.remove(1 + random.nextInt(live.size() - 1));
      victim.stop().join();
    }
    return live;
  }

  /**
   * One self-lookup on each live host, one after another, as their periodic refresh would do:
   * lookups that meet stopped hosts drop them from the tables and learn live replacements.
   */
  void refresh(List<Host> live) throws Exception {
    for (Host h : live) {
      get(((KadDht) dht(h)).selfLookup(List.of()));
    }
  }

  /** An Ed25519 identity drawn from the run's seed, so the same seed gives the same peer ids. */
  private PrivateKey seededKey() throws Exception {
    SecureRandom keyRandom = SecureRandom.getInstance("SHA1PRNG");
    keyRandom.setSeed(random.nextLong());
    return PrivateKey.generateEd25519(keyRandom);
  }

  /** {@code lookups} findPeer calls between random distinct live hosts. */
  Summary measure(List<Host> live, int lookups, long joinMs) throws Exception {
    TreeMap<Integer, Integer> hops = new TreeMap<>();
    List<Long> micros = new ArrayList<>();
    int found = 0;
    for (int i = 0; i < lookups; i++) {
      Host from = live.get(random.nextInt(live.size()));
      Host target = live.get(random.nextInt(live.size()));
      while (target == from) {
        target = live.get(random.nextInt(live.size()));
      }
      long start = System.nanoTime();
      Optional<DhtPeer> result = get(dht(from).findPeer(target.peerId()));
      micros.add((System.nanoTime() - start) / 1_000);
      if (result.isPresent() && result.get().addrs().containsAll(target.listenAddrs())) {
        found++;
        hops.merge(result.get().hops(), 1, Integer::sum);
      }
    }
    micros.sort(null);
    int min = live.stream().mapToInt(h -> dht(h).routingTable().size()).min().orElse(0);
    int max = live.stream().mapToInt(h -> dht(h).routingTable().size()).max().orElse(0);
    return new Summary(nodes.size(), config.k(), nodes.size() - live.size(), joinMs, min, max,
        found, lookups, hops, micros.get(micros.size() / 2) / 1000.0,
        micros.get(micros.size() * 95 / 100) / 1000.0, micros.get(micros.size() - 1) / 1000.0);
  }

  /** Waits for {@code f}: generous, as a busy shared machine may stretch a lookup to seconds. */
  private static <T> T get(CompletableFuture<T> f) throws Exception {
    return f.get(2, TimeUnit.MINUTES);
  }
}
