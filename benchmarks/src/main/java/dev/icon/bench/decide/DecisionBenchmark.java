package dev.icon.bench.decide;

import dev.icon.node.decide.ArrayNetworkView;
import dev.icon.node.decide.Decision;
import dev.icon.node.decide.DecisionConfig;
import dev.icon.node.decide.DecisionEngine;
import dev.icon.node.decide.NetworkView.Placement;
import dev.icon.node.decide.Objective;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One {@link DecisionEngine#decide} over 10,000 client prefixes and 100 candidate providers, for a
 * child in a tree of four (issue 8; issue 9's simulator runs this once per ICON and period). The
 * world is seeded: prefixes and providers on a plane, RTT = 2 ms + distance, random demand and
 * prices, so the engine scans every candidate (no early exit).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecisionBenchmark {

  @Param("10000")
  int prefixes;

  @Param("100")
  int providers;

  private DecisionEngine engine;
  private ArrayNetworkView view;
  private final Instant now = Instant.parse("2026-01-01T00:00:00Z");

  /** Builds the seeded world. */
  @Setup
  public void setUp() {
    Random r = new Random(42);
    List<String> px = new ArrayList<>();
    for (int i = 0; i < prefixes; i++) {
      px.add("10." + (i >> 8) + "." + (i & 255) + ".0/24");
    }
    List<String> pv = new ArrayList<>();
    for (int p = 0; p < providers; p++) {
      pv.add(String.format("provider-%03d", p));
    }
    view = new ArrayNetworkView(px, pv);
    double[][] xy = new double[prefixes + providers][];
    for (int k = 0; k < xy.length; k++) {
      xy[k] = new double[] {r.nextDouble() * 100, r.nextDouble() * 100};
    }
    for (int p = 0; p < providers; p++) {
      view.provider(p, 100_000 + r.nextInt(900_000), 1e9);
      for (int i = 0; i < prefixes; i++) {
        view.rtt(p, i, 2 + Math.hypot(xy[prefixes + p][0] - xy[i][0],
            xy[prefixes + p][1] - xy[i][1]));
      }
    }
    for (int i = 0; i < prefixes; i++) {
      view.demand(i, 1 + r.nextInt(50));
    }
    view.tree("child-1", List.of(new Placement("root", 0, null),
        new Placement("child-1", 1, "root"), new Placement("child-2", 2, "root"),
        new Placement("child-3", 3, "child-1")));
    engine = new DecisionEngine(Objective.parse("latency=20ms,budget=50/h"),
        DecisionConfig.defaults());
  }

  /** One decision. */
  @Benchmark
  public Decision decide() {
    return engine.decide(view, 1_000_000_000L, now, null);
  }
}
