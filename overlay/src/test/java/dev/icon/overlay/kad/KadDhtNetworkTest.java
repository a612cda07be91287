package dev.icon.overlay.kad;

import static dev.icon.overlay.kad.DhtHosts.addr;
import static dev.icon.overlay.kad.DhtHosts.dht;
import static dev.icon.overlay.kad.DhtHosts.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.overlay.api.DhtMode;
import dev.icon.overlay.api.DhtPeer;
import dev.icon.overlay.api.Host;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An in-JVM network of real hosts on loopback TCP: each joins by bootstrapping to the first host
 * and one random earlier host; then seeded random lookups between them must all succeed. Prints
 * hop counts and latencies (with k = 4 the tables are partial, so lookups need several hops).
 */
class KadDhtNetworkTest {

  @ParameterizedTest(name = "{0} hosts, k = {1}")
  @CsvSource({"25, 20", "25, 4"})
  void lookupsBetweenRandomHostsAllSucceed(int size, int k) throws Exception {
    KadConfig config = DhtHosts.CONFIG.toBuilder().k(k).alpha(Math.min(3, k)).build();
    Random random = new Random(size * 31L + k);
    try (DhtHosts hosts = new DhtHosts()) {
      List<Host> nodes = new ArrayList<>();
      long joinStart = System.nanoTime();
      for (int i = 0; i < size; i++) {
        Host h = hosts.start(DhtMode.SERVER, config);
        if (i > 0) {
          List<dev.icon.overlay.multiaddr.Multiaddr> seeds = new ArrayList<>(List.of(addr(nodes.get(0))));
          if (i > 1) {
            seeds.add(addr(nodes.get(1 + random.nextInt(i - 1))));
          }
          get(dht(h).bootstrap(seeds));
        }
        nodes.add(h);
      }
      long joinMs = (System.nanoTime() - joinStart) / 1_000_000;

      int lookups = 40;
      TreeMap<Integer, Integer> hops = new TreeMap<>();
      List<Long> latencies = new ArrayList<>();
      int found = 0;
      for (int i = 0; i < lookups; i++) {
        Host from = nodes.get(random.nextInt(size));
        Host target = nodes.get(random.nextInt(size));
        while (target == from) {
          target = nodes.get(random.nextInt(size));
        }
        long start = System.nanoTime();
        Optional<DhtPeer> result = get(dht(from).findPeer(target.peerId()));
        latencies.add((System.nanoTime() - start) / 1_000);
        if (result.isPresent() && result.get().addrs().containsAll(target.listenAddrs())) {
          found++;
          hops.merge(result.get().hops(), 1, Integer::sum);
        }
      }

      byte[] key = KadDhtHostTest.sha256Multihash("network service");
      Host provider = nodes.get(size / 2);
      get(dht(provider).provide(key));
      List<DhtPeer> providers = get(dht(nodes.get(size - 1)).findProviders(key, 1));
      get(dht(nodes.get(1)).putIconRecord("net", "hello".getBytes(), 1, Duration.ofMinutes(5)));
      Optional<byte[]> value = get(dht(nodes.get(size - 2))
          .getValue(IconRecords.key(nodes.get(1).peerId(), "net"), 3));

      latencies.sort(null);
      int tableMin = nodes.stream().mapToInt(h -> dht(h).routingTable().size()).min().orElse(0);
      int tableMax = nodes.stream().mapToInt(h -> dht(h).routingTable().size()).max().orElse(0);
      System.out.printf("kad network %d hosts k=%d: joined in %d ms; tables %d..%d peers; "
          + "findPeer %d/%d found; hops %s; latency p50 %.1f ms p95 %.1f ms max %.1f ms%n",
          size, k, joinMs, tableMin, tableMax, found, lookups, hops,
          latencies.get(latencies.size() / 2) / 1000.0,
          latencies.get(latencies.size() * 95 / 100) / 1000.0,
          latencies.get(latencies.size() - 1) / 1000.0);
      assertThat(found).isEqualTo(lookups);
      assertThat(providers).extracting(DhtPeer::id).containsExactly(provider.peerId());
      assertThat(KadDhtHostTest.valueOf(value)).isEqualTo("hello");
    }
  }
}
