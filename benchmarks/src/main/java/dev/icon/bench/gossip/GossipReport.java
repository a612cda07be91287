package dev.icon.bench.gossip;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prints the gossip benchmark: every step as it ends, then per topology the sustained rates, the
 * p99 latencies at equal offered load and the ratios the issue sets targets for (Java at least 5x
 * js's sustained rate, Java's p99 at most half of js's).
 */
final class GossipReport {

  private final double maxP99;
  private final List<LoadStep> steps = new ArrayList<>();

  /** {@code maxP99}: the p99 bound of a sustained step, see {@link LoadStep#sustains(double)}. */
  GossipReport(double maxP99) {
    this.maxP99 = maxP99;
  }
  private final Map<String, double[]> jmh = new LinkedHashMap<>();

  void add(LoadStep step) {
    steps.add(step);
  }

  void jmh(String benchmark, double nsPerOp, double bytesPerOp) {
    jmh.put(benchmark, new double[] {nsPerOp, bytesPerOp});
  }

  static void printStep(LoadStep s, double maxP99) {
    System.out.printf("%-5s %-7s offered %8.0f/s  sent %6d in %6.2f s (%8.0f/s)  delivered %7.3f%%"
        + "  p50 %8.2f ms  p99 %8.2f ms  max %8.2f ms  cpu %6.0f us/msg (receivers %6.0f, %.2f"
        + " cores)  %s%s%n",
        s.impl(), s.topology(), s.offeredRate(), s.published(), s.seconds(), s.achievedRate(),
        100 * s.delivered(), s.p50(), s.p99(), s.max(), s.cpuMicrosPerMessage(),
        s.receiverCpuMicrosPerMessage(), s.coresBusy(),
        s.sustains(maxP99) ? "sustained" : "NOT sustained",
        s.failed() > 0 ? "  (" + s.failed() + " publishes refused)" : "");
  }

  void print() {
    System.out.println();
    System.out.println("## every step");
    steps.forEach(s -> printStep(s, maxP99));
    Set<String> topologies = new LinkedHashSet<>();
    steps.forEach(s -> topologies.add(s.topology()));
    for (String t : topologies) {
      System.out.println();
      System.out.println("## " + t + " (1 KiB messages)");
      LoadStep java = sustained("java", t);
      LoadStep js = sustained("js", t);
      printSustained("java", java);
      printSustained("js", js);
      if (java != null && js != null) {
        System.out.printf("%-52s %10.2f   target >= 5%n", "java / js sustained rate",
            java.achievedRate() / js.achievedRate());
      }
      equalLoad(t);
    }
    if (!jmh.isEmpty()) {
      System.out.println();
      System.out.println("## router per-message cost (JMH GossipRouterBenchmark, scoring off)");
      jmh.forEach((k, v) -> System.out.printf("%-52s %10.0f ns/op %10.0f B/op%n", k, v[0], v[1]));
    }
  }

  /** The highest offered rate {@code impl} sustained on {@code topology}; 0 when none. */
  double highestSustainedOffer(String impl, String topology) {
    LoadStep s = sustained(impl, topology);
    return s == null ? 0 : s.offeredRate();
  }

  /** Whether {@code impl} already ran a step at {@code rate} on {@code topology}. */
  boolean ran(String impl, String topology, double rate) {
    return steps.stream().anyMatch(s -> s.impl().equals(impl) && s.topology().equals(topology)
        && s.offeredRate() == rate);
  }

  /** The step with the highest achieved rate among those that sustained their rate. */
  private LoadStep sustained(String impl, String topology) {
    LoadStep best = null;
    for (LoadStep s : steps) {
      if (s.impl().equals(impl) && s.topology().equals(topology) && s.sustains(maxP99)
          && (best == null || s.achievedRate() > best.achievedRate())) {
        best = s;
      }
    }
    return best;
  }

  private static void printSustained(String impl, LoadStep s) {
    if (s == null) {
      System.out.printf("%-52s %10s%n", impl + " sustained rate", "none");
      return;
    }
    System.out.printf("%-52s %10.0f msg/s  p50 %.2f ms  p99 %.2f ms (offered %.0f/s)%n",
        impl + " sustained rate", s.achievedRate(), s.p50(), s.p99(),
        s.offeredRate());
  }

  /**
   * p99 at every offered rate both implementations delivered completely, and the ratio at the
   * highest rate both sustained (the target's "equal offered load").
   */
  private void equalLoad(String topology) {
    LoadStep highest = null;
    double ratio = Double.NaN;
    for (LoadStep java : steps) {
      if (!java.impl().equals("java") || !java.topology().equals(topology) || !java.complete()) {
        continue;
      }
      for (LoadStep js : steps) {
        if (js.impl().equals("js") && js.topology().equals(topology) && js.complete()
            && js.offeredRate() == java.offeredRate()) {
          boolean both = java.sustains(maxP99) && js.sustains(maxP99);
          System.out.printf("%-52s %10.2f   (java %.2f ms, js %.2f ms)%s%n",
              "java / js p99 at " + (long) java.offeredRate() + " msg/s", java.p99() / js.p99(),
              java.p99(), js.p99(), both ? "" : "  (not sustained by both)");
          if (both && (highest == null || java.offeredRate() > highest.offeredRate())) {
            highest = java;
            ratio = java.p99() / js.p99();
          }
        }
      }
    }
    if (highest != null) {
      System.out.printf("%-52s %10.2f   target <= 0.5 (at %d msg/s, the highest rate both"
          + " sustained)%n", "java / js p99 at equal offered load", ratio,
          (long) highest.offeredRate());
    }
  }
}
