package dev.icon.bench.gossip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * the js-libp2p peer), one publisher sends 1 KiB messages at a rate stepped up (x {@code
 * --factor}) from {@code --start-rate} until a receiver misses a message, the publisher cannot
 * keep the pace (below 80% of the offered rate) or {@code --steps} steps are done. Every step is
 * a fresh network of processes. Prints every step, the sustained rate (highest achieved rate with
 * 100% delivery), and p99 latency at equal offered load. Run through {@code scripts/bench-gossip},
 * which builds first.
 *
 * <pre>
 *   GossipBench [--start-rate R] [--factor F] [--steps N] [--seconds S] [--warmup S]
 *               [--min-warmup N] [--publish-delay MS]
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
    double seconds = 10;
    // Every step starts fresh processes: flagged warm-up messages at the step's rate for this many
    // seconds but at least minWarmup of them (left out of the figures, both implementations
    // alike), then a 1 s pause. Measured: a 3-node Java chain at 1000/s had p50 1.1 s after 3,000
    // warm-up messages (JIT still compiling the Ed25519 code) and 3.8 ms after 10,000.
    double warmup = 5;
    int minWarmup = 10_000;
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
        case "--seconds" -> seconds = Double.parseDouble(args[++i]);
        case "--warmup" -> warmup = Double.parseDouble(args[++i]);
        case "--min-warmup" -> minWarmup = Integer.parseInt(args[++i]);
        case "--publish-delay" -> publishDelay = Integer.parseInt(args[++i]);
        case "--drain" -> drain = Integer.parseInt(args[++i]);
        case "--topology" -> topologies.add(topology(args[++i]));
        case "--no-js" -> js = false;
        case "--no-java" -> java = false;
        case "--no-jmh" -> jmh = false;
        default -> {
          System.err.println("usage: GossipBench [--start-rate R] [--factor F] [--steps N]"
              + " [--seconds S] [--warmup S] [--min-warmup N] [--publish-delay MS] [--drain MS] [--topology chain3|mesh20]..."
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
    System.out.printf("# gossip benchmark: 1 KiB messages, %.1f s per step (after %.1f s but at"
        + " least %d warm-up messages) from %.0f msg/s x %.1f, at most %d steps, publish delay %d"
        + " ms, drain %d ms; logs in %s%n", seconds, warmup, minWarmup, startRate, factor, steps,
        publishDelay, drain, logs);
    List<LoadNetwork> impls = new ArrayList<>();
    if (java) {
      impls.add(new LoadNetwork(root, logs, "java", List.of(root.resolve("icon").toString(), "peer"),
          Map.of("ICON_JAVA_HOME", newest.toString(), "ICON_SKIP_BUILD", "1"), publishDelay, drain,
          warmup, minWarmup));
    }
    if (js) {
      impls.add(new LoadNetwork(root, logs, "js",
          List.of("node", root.resolve("integration-tests/js-peer/peer.mjs").toString()), Map.of(),
          publishDelay, drain, warmup, minWarmup));
    }
    GossipReport report = new GossipReport();
    for (Topology t : topologies) {
      for (LoadNetwork impl : impls) {
        ramp(impl, t, startRate, factor, steps, seconds, report);
      }
    }
    if (jmh) {
      jmh(root, logs, newest, report);
    }
    report.print();
  }

  private static void ramp(LoadNetwork impl, Topology t, double startRate, double factor,
      int steps, double seconds, GossipReport report) throws Exception {
    double rate = startRate;
    for (int i = 0; i < steps; i++, rate *= factor) {
      int count = (int) Math.max(100, Math.round(rate * seconds));
      LoadStep step = impl.run(t, rate, count, 1000L * i + t.nodes());
      report.add(step);
      GossipReport.printStep(step);
      if (!step.complete() || step.achievedRate() < 0.8 * rate) {
        return;
      }
    }
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
