package dev.icon.bench.market;

import dev.icon.market.clearing.DoubleAuction;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Random;

/**
 * The CPU time of one clearing of {@link ClearingBenchmark}'s market, measured as the thread's CPU
 * time, which a busy shared machine disturbs far less than JMH's wall-clock time. Prints the
 * median and the 90th percentile of N clearings after N warm-up clearings. Run: {@code java -cp
 * "benchmarks/target/classes:benchmarks/target/lib/*" dev.icon.bench.market.ClearingCpuTime [N]}.
 */
public final class ClearingCpuTime {

  private ClearingCpuTime() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    ClearingBenchmark.Market m = ClearingBenchmark.Market.random(new Random(42), 10_000, 1_000);
    DoubleAuction auction = new DoubleAuction("bench-round");
    long sink = 0;
    for (int i = 0; i < n; i++) {
      sink += auction.clear(m.bids(), m.asks()).trades().size();
    }
    long[] nanos = new long[n];
    for (int i = 0; i < n; i++) {
      long start = threads.getCurrentThreadCpuTime();
      sink += auction.clear(m.bids(), m.asks()).trades().size();
      nanos[i] = threads.getCurrentThreadCpuTime() - start;
    }
    Arrays.sort(nanos);
    System.out.printf("%s: CPU time per clearing of 10,000 bids x 1,000 asks: median %.1f ms,"
        + " p90 %.1f ms (%d clearings; %d trades each)%n", Runtime.version(),
        nanos[n / 2] / 1e6, nanos[n * 9 / 10] / 1e6, n, sink / (2L * n));
  }
}
