package dev.icon.bench.decide;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The CPU time of one decision of {@link DecisionBenchmark}'s world (10,000 prefixes x 100
 * providers), measured as the thread's CPU time, which a busy shared machine disturbs far less
 * than JMH's wall-clock time. Prints the median and the 90th percentile of N decisions after N
 * warm-up decisions. Run: {@code java -cp "benchmarks/target/classes:benchmarks/target/lib/*"
 * dev.icon.bench.decide.DecisionCpuTime [N]}.
 */
public final class DecisionCpuTime {

  private DecisionCpuTime() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    DecisionBenchmark b = new DecisionBenchmark();
    b.prefixes = 10_000;
    b.providers = 100;
    b.setUp();
    long sink = 0;
    for (int i = 0; i < n; i++) {
      sink += b.decide().prefixes().size();
    }
    long[] nanos = new long[n];
    String kind = "";
    for (int i = 0; i < n; i++) {
      long start = threads.getCurrentThreadCpuTime();
      kind = b.decide().kind().toString();
      nanos[i] = threads.getCurrentThreadCpuTime() - start;
    }
    Arrays.sort(nanos);
    System.out.printf("%s: CPU time per decision over 10,000 prefixes x 100 providers: median"
        + " %.2f ms, p90 %.2f ms (%d decisions; decision %s; %d)%n", Runtime.version(),
        nanos[n / 2] / 1e6, nanos[n * 9 / 10] / 1e6, n, kind, sink);
  }
}
