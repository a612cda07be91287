package dev.icon.overlay.host;

import dev.icon.overlay.api.Host;
import dev.icon.overlay.api.HostConfig;
import dev.icon.overlay.api.PerfResult;
import java.time.Duration;

/**
 * A rough throughput figure for two whole hosts over loopback TCP + Noise + Yamux, using
 * {@code /perf/1.0.0}; also the ping RTT. Not a test: run its {@code main} by hand, preferably on
 * the newest JDK. Argument: megabytes each way (default 256).
 */
public final class HostPerfMeasure {

  private HostPerfMeasure() {}

  /** Runs one warm-up and three measured transfers and prints the rates. */
  public static void main(String[] args) throws Exception {
    long bytes = (args.length > 0 ? Long.parseLong(args[0]) : 256) << 20;
    HostConfig cfg = HostConfig.forTests().toBuilder().perfEnabled(true)
        .protocolTimeout(Duration.ofMinutes(5)).build();
    Host a = Host.builder().config(cfg).build();
    Host b = Host.builder().config(cfg).build();
    a.start().join();
    b.start().join();
    try {
      a.dial(b.listenAddrs().get(0).withPeerId(b.peerId())).join();
      a.perf(b.peerId(), bytes / 8, bytes / 8).join();
      for (int i = 0; i < 3; i++) {
        PerfResult r = a.perf(b.peerId(), bytes, bytes).join();
        System.out.printf("upload %.2f Gbit/s, download %.2f Gbit/s (%d MiB each way)%n",
            r.uploadBitsPerSecond() / 1e9, r.downloadBitsPerSecond() / 1e9, bytes >> 20);
      }
      Duration best = Duration.ofDays(1);
      for (int i = 0; i < 50; i++) {
        Duration rtt = a.ping(b.peerId()).join();
        best = rtt.compareTo(best) < 0 ? rtt : best;
      }
      System.out.println("ping best of 50: " + best.toNanos() / 1000 + " us");
    } finally {
      a.stop().join();
      b.stop().join();
    }
  }
}
