package dev.icon.bench.gossip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.icon.bench.gossip.LoadNetwork.LoadPeers;
import dev.icon.bench.gossip.LoadNetwork.Topology;
import dev.icon.bench.overlay.Jdks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The gossip benchmark of issue 4, side by side in one run on one machine: for each topology (a
 * 3-node chain, a 20-node mesh) and each implementation ({@code ./icon peer} on the newest JDK,
 * the js-libp2p peer), one publisher sends 1 KiB messages at offered rates chosen by a {@link
 * RateSearch} (x {@code --factor} from {@code --start-rate} while each step sustains its rate,
 * then {@code --refine} bisection steps, at most {@code --steps} per implementation). The two
 * implementations take turns step by step, so both see the same phases of a noisy machine. Per
 * topology and implementation one network of receivers is started (the same random mesh for both
 * implementations) and warmed up by an unmeasured publisher; every step then runs a fresh
 * publisher process (see {@link LoadNetwork}). A step sustains its rate when every receiver got every message, the publisher kept
 * at least 95% of the pace and the worst receiver's p99 latency stayed within {@code --max-p99}
 * (see {@link LoadStep#sustains(double)}). Prints every step, the sustained rate (the highest
 * sustained step's achieved rate) and p99 latency at equal offered load. Equal settings: both run
 * their defaults (StrictSign, flood publish, D=6), yamux keepalive every 30 s; the js peer runs
 * without js-libp2p's connection monitor ({@code --connection-monitor false}), which {@code ./icon
 * peer} has no counterpart of. Run through {@code scripts/bench-gossip}, which builds first.
 *
 * <pre>
 *   GossipBench [--start-rate R] [--factor F] [--refine N] [--steps N] [--max-p99 MS]
 *               [--seconds S] [--warmup S] [--min-warmup N] [--publish-delay MS]
 *               [--drain MS] [--topology chain3|mesh20]... [--no-js] [--no-java] [--no-jmh]
 * </pre>
 */
public final class GossipBench {

  private static final List<Topology> TOPOLOGIES = List.of(
      new Topology("chain3", 3, true, 1), new Topology("mesh20", 20, false, 3));

  private GossipBench() {}

  public static void main(String[] args) throws Exception {
    double startRate = 250;
    double factor = 2;
    int steps = 7;
    int refine = 2;
    double maxP99 = 1000;
    double seconds = 10;
    // The receivers of a topology start once per implementation and are warmed up by an
    // unmeasured publisher (netWarmup messages at netWarmupRate, waited for until delivered): 19
    // JVMs compiling at once on 2 cores took minutes, and a fresh network per step (as before)
    // never got a 20-node Java mesh past its interpreted phase. Each step's publisher is a fresh
    // process and first sends flagged warm-up messages at the step's rate for `warmup` seconds
    // but at least minWarmup of them (left out of the figures, both implementations alike), then
    // pauses 1 s.
    int netWarmup = 10_000;
    double netWarmupRate = 200;
    double warmup = 5;
    int minWarmup = 5_000;
    int publishDelay = 3000;
    int drain = 3000;
    boolean js = true;
    boolean java = true;
    boolean jmh = true;
    List<Topology> topologies = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--start-rate" -> startRate = Double.parseDouble(args[++i]);
        case "--factor" -> factor = Double.parseDouble(args[++i]);
        case "--steps" -> steps = Integer.parseInt(args[++i]);
        case "--refine" -> refine = Integer.parseInt(args[++i]);
        case "--max-p99" -> maxP99 = Double.parseDouble(args[++i]);
        case "--seconds" -> seconds = Double.parseDouble(args[++i]);
        case "--warmup" -> warmup = Double.parseDouble(args[++i]);
        case "--min-warmup" -> minWarmup = Integer.parseInt(args[++i]);
        case "--net-warmup" -> netWarmup = Integer.parseInt(args[++i]);
        case "--net-warmup-rate" -> netWarmupRate = Double.parseDouble(args[++i]);
        case "--publish-delay" -> publishDelay = Integer.parseInt(args[++i]);
        case "--drain" -> drain = Integer.parseInt(args[++i]);
        case "--topology" -> topologies.add(topology(args[++i]));
        case "--no-js" -> js = false;
        case "--no-java" -> java = false;
        case "--no-jmh" -> jmh = false;
        default -> {
          System.err.println("usage: GossipBench [--start-rate R] [--factor F] [--refine N]"
              + " [--steps N] [--max-p99 MS] [--seconds S] [--warmup S] [--min-warmup N]"
              + " [--net-warmup N] [--net-warmup-rate R] [--publish-delay MS] [--drain MS]"
              + " [--topology chain3|mesh20]..."
              + " [--no-js] [--no-java] [--no-jmh]");
          System.exit(2);
        }
      }
    }
    if (topologies.isEmpty()) {
      topologies = TOPOLOGIES;
    }
    Path root = Jdks.repositoryRoot();
    Path logs = Files.createDirectories(root.resolve("benchmarks/target/bench-logs/gossip"));
    Path newest = Jdks.newest();
    System.out.printf("# gossip benchmark: 1 KiB messages; each network warmed up with %d"
        + " messages at %.0f/s; %.1f s per step (after %.1f s but at least %d warm-up messages of"
        + " the step's publisher) from %.0f msg/s x %.1f then %d refinements, at most %d steps;"
        + " sustained = 100%% delivered, >= %.0f%% of the pace, p99 <= %.0f ms; publish delay %d"
        + " ms, drain %d ms; logs in %s%n", netWarmup, netWarmupRate, seconds, warmup, minWarmup,
        startRate, factor, refine, steps, 100 * LoadStep.MIN_PACE, maxP99, publishDelay, drain,
        logs);
    List<LoadPeers> impls = new ArrayList<>();
    if (java) {
      impls.add(new LoadPeers("java", root, logs, List.of(root.resolve("icon").toString(), "peer"),
          Map.of("ICON_JAVA_HOME", newest.toString(), "ICON_SKIP_BUILD", "1")));
    }
    if (js) {
      impls.add(new LoadPeers("js", root, logs,
          List.of("node", root.resolve("integration-tests/js-peer/peer.mjs").toString(),
              "--connection-monitor", "false"), Map.of()));
    }
    GossipReport report = new GossipReport(maxP99);
    for (Topology t : topologies) {
      List<RateSearch> searches = new ArrayList<>();
      List<LoadNetwork> networks = new ArrayList<>();
      try {
        for (LoadPeers impl : impls) {
          searches.add(new RateSearch(startRate, factor, steps, refine));
          networks.add(null);
        }
        for (boolean any = true; any; ) {
          any = false;
          for (int k = 0; k < impls.size(); k++) { // the implementations take turns
            RateSearch search = searches.get(k);
            if (!search.active()) {
              continue;
            }
            any = true;
            if (networks.get(k) == null) {
              // Same seed for both implementations: the same receiver mesh.
              LoadNetwork n = new LoadNetwork(impls.get(k), t, 7919L * t.nodes());
              networks.set(k, n);
              long got = n.warmUp(netWarmupRate, netWarmup, publishDelay);
              System.out.printf("%-5s %-7s network warmed up: every receiver got at least %d of"
                  + " %d messages%n", impls.get(k).impl(), t.name(), got, netWarmup);
            }
            search.record(step(networks.get(k), search.nextRate(), seconds, warmup, minWarmup,
                publishDelay, drain, maxP99, report).sustains(maxP99));
          }
        }
        // p99 at equal offered load: every implementation also runs at the highest rate the
        // slowest one sustained, unless its search already did.
        double common = Double.POSITIVE_INFINITY;
        for (LoadPeers impl : impls) {
          common = Math.min(common, report.highestSustainedOffer(impl.impl(), t.name()));
        }
        for (int k = 0; k < impls.size() && common > 0 && !Double.isInfinite(common); k++) {
          if (networks.get(k) != null && !report.ran(impls.get(k).impl(), t.name(), common)) {
            step(networks.get(k), common, seconds, warmup, minWarmup, publishDelay, drain, maxP99,
                report);
          }
        }
      } finally {
        for (LoadNetwork n : networks) {
          if (n != null) {
            n.close();
          }
        }
      }
    }
    if (jmh) {
      jmh(root, logs, newest, report);
    }
    report.print();
  }

  /** Runs, records and prints one step. */
  private static LoadStep step(LoadNetwork network, double rate, double seconds, double warmup,
      int minWarmup, int publishDelay, int drain, double maxP99, GossipReport report)
      throws Exception {
    int count = (int) Math.max(100, Math.round(rate * seconds));
    int pubWarmup = Math.max(minWarmup, (int) Math.round(rate * warmup));
    LoadStep step = network.step(rate, count, pubWarmup, publishDelay, drain);
    report.add(step);
    GossipReport.printStep(step, maxP99);
    return step;
  }

  private static Topology topology(String name) {
    return TOPOLOGIES.stream().filter(t -> t.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown topology: " + name));
  }

  /** The router's per-message cost (GossipRouterBenchmark, scoring off), for the closing note. */
  private static void jmh(Path root, Path logs, Path jdk, GossipReport report) throws Exception {
    Path out = logs.resolve("jmh-gossip-router.json");
    Path bench = root.resolve("benchmarks/target");
    List<String> cmd = List.of(jdk.resolve("bin/java").toString(), "-cp",
        bench.resolve("classes") + ":" + bench.resolve("lib") + "/*", "org.openjdk.jmh.Main",
        "GossipRouterBenchmark", "-p", "scoring=off", "-prof", "gc", "-rf", "json",
        "-rff", out.toString());
    Process p = new ProcessBuilder(cmd).directory(root.toFile())
        .redirectOutput(logs.resolve("jmh-gossip-router.log").toFile()).redirectErrorStream(true)
        .start();
    if (!p.waitFor(900, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException("JMH failed; see " + logs.resolve("jmh-gossip-router.log"));
    }
    for (JsonNode b : new ObjectMapper().readTree(out.toFile())) {
      String name = b.path("benchmark").asText();
      name = name.substring(name.lastIndexOf('.') + 1);
      report.jmh(name, b.path("primaryMetric").path("score").asDouble(),
          b.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score").asDouble());
    }
  }
}
