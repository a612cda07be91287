package dev.icon.overlay.kad;

import java.util.List;

/**
 * Lookup figures for 50, 100 and 200 DHT hosts on loopback TCP in one JVM (k = 20, and 20% of the
 * hosts killed after joining). Not a test (minutes of CPU): run its {@code main} by hand with the
 * test classpath. Arguments: host counts (default 50 100 200).
 */
public final class KadDhtScaleMeasure {

  private KadDhtScaleMeasure() {}

  /** Runs each size and prints a summary line per phase. */
  public static void main(String[] args) throws Exception {
    List<Integer> sizes = args.length == 0 ? List.of(50, 100, 200)
        : java.util.Arrays.stream(args).map(Integer::valueOf).toList();
    for (int size : sizes) {
      try (DhtHosts hosts = new DhtHosts()) {
        KadNetworkRun run = new KadNetworkRun(hosts, DhtHosts.CONFIG, size);
        long joinMs = run.join(size);
        System.out.println(run.measure(run.nodes, 200, joinMs));
        System.out.println(run.measure(run.kill(size / 5), 200, joinMs));
      }
    }
  }
}
