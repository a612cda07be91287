package dev.icon.node.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.icon.testing.MutableClock;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Demand per prefix on a hand-moved clock. */
class DemandRecorderTest {

  private final MutableClock clock = new MutableClock();

  private DemandRecorder recorder(UnaryOperator<DemandConfig.Builder> tune) {
    return new DemandRecorder(tune.apply(DemandConfig.builder()).build(), clock);
  }

  private static InetAddress ip(String s) throws Exception {
    return InetAddress.getByName(s);
  }

  private static ClientPrefix prefix(String cidr) throws Exception {
    String[] p = cidr.split("/");
    return new ClientPrefix(ip(p[0]), Integer.parseInt(p[1]));
  }

  @Test
  void groupsClientsByPrefixAndFamily() throws Exception {
    DemandRecorder r = recorder(b -> b);
    r.request(ip("192.0.2.1"));
    r.request(ip("192.0.2.200"));
    r.request(ip("192.0.3.1"));
    r.request(ip("2001:db8:1:1::1"));
    r.request(ip("2001:db8:1:2::1"));
    r.request(ip("2001:db8:2::1"));
    DemandSnapshot s = r.snapshot();
    assertThat(s.prefixes()).extracting(p -> p.prefix().toString()).containsExactly(
        "192.0.2.0/24", "2001:db8:1:0:0:0:0:0/48", "192.0.3.0/24", "2001:db8:2:0:0:0:0:0/48");
    assertThat(s.of(prefix("192.0.2.0/24")).orElseThrow().requestsInWindow()).isEqualTo(2);
    assertThat(s.requestsInWindow()).isEqualTo(6);
  }

  @Test
  void ratesSlideWithTheWindow() throws Exception {
    DemandRecorder r = recorder(b -> b.window(Duration.ofSeconds(60)).buckets(12));
    for (int i = 0; i < 10; i++) {
      r.request(ip("192.0.2.1"));
    }
    clock.advance(Duration.ofSeconds(30));
    for (int i = 0; i < 5; i++) {
      r.request(ip("192.0.2.9"));
    }
    PrefixDemand d = r.snapshot().prefixes().get(0);
    assertThat(d.requestsInWindow()).isEqualTo(15);
    assertThat(d.requestsPerSecond()).isEqualTo(15 / 60.0);

    clock.advance(Duration.ofSeconds(29)); // t = 59 s: the first slice is still inside
    assertThat(r.snapshot().prefixes().get(0).requestsInWindow()).isEqualTo(15);
    clock.advance(Duration.ofSeconds(1)); // t = 60 s: the first slice [0, 5) has left
    d = r.snapshot().prefixes().get(0);
    assertThat(d.requestsInWindow()).isEqualTo(5);
    assertThat(d.totalRequests()).isEqualTo(15);
    assertThat(d.lastSeen()).isEqualTo(clock.instant().minusSeconds(30));

    clock.advance(Duration.ofSeconds(30)); // t = 90 s: nothing within the window
    assertThat(r.snapshot().prefixes()).isEmpty();
    assertThat(r.prefixCount()).isEqualTo(1); // remembered until evicted
  }

  @Test
  void aSliceReusedAfterAFullTurnStartsFromZero() throws Exception {
    DemandRecorder r = recorder(b -> b.window(Duration.ofSeconds(10)).buckets(10));
    r.request(ip("10.0.0.1"));
    clock.advance(Duration.ofSeconds(10)); // same slot, next turn
    r.request(ip("10.0.0.1"));
    assertThat(r.snapshot().prefixes().get(0).requestsInWindow()).isEqualTo(1);
  }

  @Test
  void keepsAtMostMaxPrefixesEvictingTheLeastRecentlySeen() throws Exception {
    DemandRecorder r = recorder(b -> b.maxPrefixes(3));
    r.request(ip("10.0.1.1"));
    r.request(ip("10.0.2.1"));
    r.request(ip("10.0.3.1"));
    r.request(ip("10.0.1.2")); // 10.0.1.0/24 is now the most recent
    r.request(ip("10.0.4.1")); // evicts 10.0.2.0/24
    DemandSnapshot s = r.snapshot();
    assertThat(r.prefixCount()).isEqualTo(3);
    assertThat(s.evictedPrefixes()).isEqualTo(1);
    assertThat(s.prefixes()).extracting(p -> p.prefix().toString())
        .containsExactlyInAnyOrder("10.0.1.0/24", "10.0.3.0/24", "10.0.4.0/24");
    for (int i = 0; i < 1000; i++) {
      r.request(InetAddress.getByAddress(new byte[] {11, (byte) (i >> 8), (byte) i, 1}));
    }
    assertThat(r.prefixCount()).isEqualTo(3);
    assertThat(r.snapshot().evictedPrefixes()).isEqualTo(1001);
  }

  @Test
  void rttStatisticsOverTheWindow() throws Exception {
    DemandRecorder r = recorder(b -> b.maxRttSamplesPerPrefix(200));
    for (int ms = 100; ms >= 1; ms--) {
      r.request(ip("192.0.2.1"), Duration.ofMillis(ms), ms % 2 == 0 ? RttOrigin.KERNEL
          : RttOrigin.ESTIMATE);
    }
    r.request(ip("192.0.2.1")); // no RTT: counted, no sample
    PrefixDemand d = r.snapshot().prefixes().get(0);
    assertThat(d.requestsInWindow()).isEqualTo(101);
    PrefixDemand.RttStats rtt = d.rtt().orElseThrow();
    assertThat(rtt.samples()).isEqualTo(100);
    assertThat(rtt.kernelSamples()).isEqualTo(50);
    assertThat(rtt.min()).isEqualTo(Duration.ofMillis(1));
    assertThat(rtt.mean()).isEqualTo(Duration.ofMillis(50).plusNanos(500_000));
    assertThat(rtt.p95()).isEqualTo(Duration.ofMillis(95));

    clock.advance(Duration.ofSeconds(61));
    r.request(ip("192.0.2.1"), Duration.ofMillis(7), RttOrigin.KERNEL);
    rtt = r.snapshot().prefixes().get(0).rtt().orElseThrow();
    assertThat(rtt.samples()).isEqualTo(1);
    assertThat(rtt.p95()).isEqualTo(Duration.ofMillis(7));
  }

  @Test
  void keepsOnlyTheNewestRttSamples() throws Exception {
    DemandRecorder r = recorder(b -> b.maxRttSamplesPerPrefix(10));
    for (int ms = 1; ms <= 25; ms++) {
      r.request(ip("192.0.2.1"), Duration.ofMillis(ms), RttOrigin.KERNEL);
    }
    PrefixDemand.RttStats rtt = r.snapshot().prefixes().get(0).rtt().orElseThrow();
    assertThat(rtt.samples()).isEqualTo(10);
    assertThat(rtt.min()).isEqualTo(Duration.ofMillis(16));
  }

  @Test
  void concurrentRecordingLosesNothing() throws Exception {
    DemandRecorder r = recorder(b -> b);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int id = t;
      threads.add(new Thread(() -> {
        for (int i = 0; i < 5000; i++) {
          try {
            r.request(InetAddress.getByAddress(new byte[] {10, 0, (byte) (i % 7), (byte) id}),
                Duration.ofMillis(1), RttOrigin.KERNEL);
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    assertThat(r.snapshot().requestsInWindow()).isEqualTo(20_000);
    assertThat(r.prefixCount()).isEqualTo(7);
  }

  @Test
  void negativeRttIsRefused() throws Exception {
    DemandRecorder r = recorder(b -> b);
    assertThatThrownBy(() -> r.request(ip("10.0.0.1"), Duration.ofMillis(-1), RttOrigin.KERNEL))
        .hasMessageContaining("rtt");
    assertThat(r.prefixCount()).isZero();
  }

  @ParameterizedTest
  @CsvSource({
      "ipv4PrefixBits, 0", "ipv4PrefixBits, 33", "ipv6PrefixBits, 0", "ipv6PrefixBits, 129",
      "buckets, 0", "maxPrefixes, 0", "maxRttSamplesPerPrefix, 0", "window, 0"})
  void configNamesTheFieldAtFault(String field, int value) {
    assertThatThrownBy(() -> {
      DemandConfig.Builder b = DemandConfig.builder();
      switch (field) {
        case "ipv4PrefixBits" -> b.ipv4PrefixBits(value);
        case "ipv6PrefixBits" -> b.ipv6PrefixBits(value);
        case "buckets" -> b.buckets(value);
        case "maxPrefixes" -> b.maxPrefixes(value);
        case "maxRttSamplesPerPrefix" -> b.maxRttSamplesPerPrefix(value);
        default -> b.window(Duration.ofMillis(value));
      }
      b.build();
    }).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(field + ":");
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    DemandConfig c = DemandConfig.defaults();
    assertThat(c).isEqualTo(new DemandConfig(24, 48, Duration.ofMinutes(1), 12, 10_000, 128));
    assertThat(c.toBuilder().build()).isEqualTo(c);
  }
}
