package dev.icon.tomography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.icon.testing.Prerequisites;
import dev.icon.tomography.traceroute.ProbeMark;
import dev.icon.tomography.traceroute.ProcessTracerouteRunner;
import dev.icon.tomography.traceroute.TracerouteConfig;
import dev.icon.tomography.traceroute.TracerouteHop;
import dev.icon.tomography.traceroute.TracerouteMode;
import dev.icon.tomography.traceroute.TracerouteResult;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real traceroute, run inside the client namespace of a chain client -> r1 -> r2 -> target
 * ({@code ip netns exec}), through {@link ProcessTracerouteRunner}.
 */
class TracerouteNetnsIT {

  static NetnsChain chain;

  @BeforeAll
  static void buildChain() throws Exception {
    Prerequisites.requireRoot();
    Prerequisites.requireBinary("traceroute");
    chain = NetnsChain.create(2);
  }

  @AfterAll
  static void deleteChain() {
    if (chain != null) {
      chain.close();
    }
  }

  private static TracerouteConfig.Builder inClient() {
    return TracerouteConfig.forTests().toBuilder().commandPrefix(NetnsChain.exec(chain.client()));
  }

  @Test
  void udpTraceShowsEveryRouterThenTheTarget() throws Exception {
    try (var runner = new ProcessTracerouteRunner(inClient().build())) {
      TracerouteResult r = runner.trace(chain.targetAddress()).get(30, TimeUnit.SECONDS);

      assertThat(r.reachedTarget()).isTrue();
      assertThat(hops(r)).containsExactly(chain.hopAddress(1), chain.hopAddress(2),
          chain.targetAddress());
      assertThat(r.hops()).allSatisfy(h -> assertThat(h.probes()).hasSize(2));
    }
  }

  @Test
  void icmpTraceShowsTheSameHops() throws Exception {
    try (var runner = new ProcessTracerouteRunner(inClient().mode(TracerouteMode.ICMP).build())) {
      TracerouteResult r = runner.trace(chain.targetAddress()).get(30, TimeUnit.SECONDS);

      assertThat(hops(r)).containsExactly(chain.hopAddress(1), chain.hopAddress(2),
          chain.targetAddress());
    }
  }

  @Test
  void firstTtlAndMaxHopsBoundTheTrace() throws Exception {
    try (var runner = new ProcessTracerouteRunner(inClient().firstTtl(2).maxHops(2).build())) {
      TracerouteResult r = runner.trace(chain.targetAddress()).get(30, TimeUnit.SECONDS);

      assertThat(r.hops()).extracting(TracerouteHop::ttl).containsExactly(2);
      assertThat(hops(r)).containsExactly(chain.hopAddress(2));
      assertThat(r.reachedTarget()).isFalse();
    }
  }

  @Test
  void aNetworkNobodyRoutesEndsWithNetworkUnreachableMarks() throws Exception {
    // Without its default route, r2 knows no way to 10.77/16 and answers "network unreachable".
    // The kernel rate-limits those errors per destination (about one a second, not a sysctl in a
    // namespace), so a trace right after others may see '*' there: trace until the mark shows.
    chain.in(chain.router(2), "ip", "route", "del", "default");
    try (var runner = new ProcessTracerouteRunner(inClient().maxHops(3).build())) {
      TracerouteResult[] seen = new TracerouteResult[1];
      await().atMost(Duration.ofSeconds(20)).until(() -> {
        seen[0] = runner.trace("10.77.0.1").get(30, TimeUnit.SECONDS);
        TracerouteHop last = seen[0].hops().get(seen[0].hops().size() - 1);
        return last.probes().stream().anyMatch(p -> p.mark() == ProbeMark.NETWORK_UNREACHABLE);
      });

      TracerouteHop last = seen[0].hops().get(seen[0].hops().size() - 1);
      assertThat(last.ttl()).isEqualTo(2);
      assertThat(last.addresses()).containsExactly(InetAddress.getByName(chain.hopAddress(2)));
      assertThat(last.probes().get(0).markText()).isEqualTo("!N");
    } finally {
      chain.in(chain.router(2), "ip", "route", "add", "default", "via", chain.targetAddress());
    }
  }

  @Test
  void manyTargetsInParallelAllComplete() throws Exception {
    try (var runner = new ProcessTracerouteRunner(inClient().parallelism(3).build())) {
      List<String> targets = List.of(chain.hopAddress(1), chain.hopAddress(2),
          chain.targetAddress(), "10.1.0.1", "10.2.0.1", "10.3.0.1");
      List<CompletableFuture<TracerouteResult>> all = new ArrayList<>();
      targets.forEach(t -> all.add(runner.trace(t)));

      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

      for (int i = 0; i < targets.size(); i++) {
        assertThat(all.get(i).join().targetAddress().getHostAddress()).isEqualTo(targets.get(i));
        assertThat(all.get(i).join().reachedTarget()).as(targets.get(i)).isTrue();
      }
    }
  }

  @Test
  void cancellingALongTraceKillsTheProcessInTheNamespace() throws Exception {
    chain.in(chain.router(1), "ip", "route", "add", "blackhole", "10.66.0.0/16");
    TracerouteConfig slow = inClient().maxHops(30).probesPerHop(3).probeWait(Duration.ofSeconds(5))
        .build();
    try (var runner = new ProcessTracerouteRunner(slow)) {
      CompletableFuture<TracerouteResult> f = runner.trace("10.66.0.1");
      await().atMost(Duration.ofSeconds(10)).until(() -> !chain.pids(chain.client()).isEmpty());

      f.cancel(true);

      await().atMost(Duration.ofSeconds(10)).until(() -> chain.pids(chain.client()).isEmpty());
      assertThat(f).isCancelled();
    } finally {
      chain.in(chain.router(1), "ip", "route", "del", "blackhole", "10.66.0.0/16");
    }
  }

  private static List<String> hops(TracerouteResult r) {
    List<String> out = new ArrayList<>();
    r.hops().forEach(h -> h.addresses().forEach(a -> out.add(a.getHostAddress())));
    return out;
  }
}
