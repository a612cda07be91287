package dev.icon.bench.ingress;

import dev.icon.node.ingress.ClientRttSource;
import dev.icon.node.ingress.DemandConfig;
import dev.icon.node.ingress.DemandRecorder;
import dev.icon.node.ingress.IngressConfig;
import dev.icon.node.ingress.IngressGateway;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Proxy overhead of the ingress gateway: requests per second and p50/p99 latency of a
 * closed-loop keep-alive load sent directly to a minimal Netty HTTP server and through an {@link
 * IngressGateway} in front of it, alternating in one run (direct, gateway, direct, ...) so both
 * see the same machine load; reports the medians and their ratios. Everything on loopback in one
 * JVM.
 *
 * <pre>java -cp "benchmarks/target/classes:benchmarks/target/lib/*"
 *     dev.icon.bench.ingress.IngressOverheadBench [connections] [seconds] [rounds] [gateway-threads]</pre>
 */
public final class IngressOverheadBench {

  private IngressOverheadBench() {}

  public static void main(String[] args) throws Exception {
    int connections = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    int gatewayThreads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    try (PlainHttpServer upstream = new PlainHttpServer(1, 64)) {
      IngressGateway gateway = new IngressGateway(
          IngressConfig.builder(upstream.address()).ioThreads(gatewayThreads).build(),
          new DemandRecorder(DemandConfig.defaults(), Clock.systemUTC()),
          ClientRttSource.none(), new SimpleMeterRegistry());
      try {
        InetSocketAddress via = gateway.start().get();
        System.out.printf("connections=%d seconds=%.1f rounds=%d gateway-threads=%d epoll=%s%n",
            connections, seconds, rounds, gatewayThreads, gateway.nativeTransport());
        KeepAliveLoad.run(upstream.address(), connections, Math.min(2, seconds)); // warm-up
        KeepAliveLoad.run(via, connections, Math.min(2, seconds));
        List<KeepAliveLoad.Result> direct = new ArrayList<>();
        List<KeepAliveLoad.Result> proxied = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
          direct.add(print("direct", r, KeepAliveLoad.run(upstream.address(), connections,
              seconds)));
          proxied.add(print("gateway", r, KeepAliveLoad.run(via, connections, seconds)));
        }
        double dRate = median(direct.stream().mapToDouble(KeepAliveLoad.Result::perSecond));
        double gRate = median(proxied.stream().mapToDouble(KeepAliveLoad.Result::perSecond));
        double dP50 = median(direct.stream().mapToDouble(x -> p(x, 50)));
        double gP50 = median(proxied.stream().mapToDouble(x -> p(x, 50)));
        double dP99 = median(direct.stream().mapToDouble(x -> p(x, 99)));
        double gP99 = median(proxied.stream().mapToDouble(x -> p(x, 99)));
        long errors = direct.stream().mapToLong(KeepAliveLoad.Result::errors).sum()
            + proxied.stream().mapToLong(KeepAliveLoad.Result::errors).sum();
        System.out.printf(Locale.ROOT, "median     direct %9.0f req/s p50 %7.3f ms p99 %7.3f ms%n",
            dRate, dP50, dP99);
        System.out.printf(Locale.ROOT, "median     gateway%9.0f req/s p50 %7.3f ms p99 %7.3f ms%n",
            gRate, gP50, gP99);
        System.out.printf(Locale.ROOT,
            "ratio gateway/direct: throughput %.2f, p50 %.2f, p99 %.2f; errors %d; prefixes %d%n",
            gRate / dRate, gP50 / dP50, gP99 / dP99, errors,
            gateway.demand().snapshot().prefixes().size());
      } finally {
        gateway.stop().get();
      }
    }
  }

  private static KeepAliveLoad.Result print(String what, int round, KeepAliveLoad.Result r) {
    System.out.printf(Locale.ROOT, "round %d %-8s %9.0f req/s p50 %7.3f ms p99 %7.3f ms errors %d%n",
        round, what, r.perSecond(), p(r, 50), p(r, 99), r.errors());
    return r;
  }

  private static double p(KeepAliveLoad.Result r, double percentile) {
    return r.latencyMicros().getValueAtPercentile(percentile) / 1000.0;
  }

  private static double median(java.util.stream.DoubleStream values) {
    double[] v = values.sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
