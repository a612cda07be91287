package dev.icon.tomography.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.proto.icon.probe.ProbeStatus;
import dev.icon.testing.MutableClock;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link ProbeLimiter} on a hand-moved clock. */
class ProbeLimiterTest {

  private final MutableClock clock = new MutableClock();

  private static InetAddress ip(int last) throws Exception {
    return InetAddress.getByAddress(new byte[] {(byte) 198, 51, 100, (byte) last});
  }


  @Test
  void oneAskerGetsItsBurstThenItsRate() throws Exception {
    ProbeConfig config = ProbeConfig.builder().perPeerBurst(10).perPeerRate(1).maxCount(5)
        .defaultCount(3).perTargetBurst(100).perTargetRate(100).build();
    ProbeLimiter limiter = new ProbeLimiter(config, clock);

    assertThat(limiter.admit("A", ip(1), 5)).isEmpty();
    assertThat(limiter.admit("A", ip(2), 5)).isEmpty();
    assertThat(limiter.admit("A", ip(3), 1)).contains(ProbeStatus.REFUSED_PEER_RATE);
    assertThat(limiter.admit("B", ip(3), 5)).as("another asker has its own budget").isEmpty();

    clock.advance(Duration.ofMillis(2_900));
    assertThat(limiter.admit("A", ip(3), 3)).as("2.9 tokens back").contains(ProbeStatus.REFUSED_PEER_RATE);
    clock.advance(Duration.ofMillis(100));
    assertThat(limiter.admit("A", ip(3), 3)).isEmpty();
  }

  @Test
  void manyAskersTogetherCannotExceedOneTargetsBudget() throws Exception {
    ProbeConfig config = ProbeConfig.builder().maxCount(3).defaultCount(3).perTargetBurst(6)
        .perTargetRate(0.5).build();
    ProbeLimiter limiter = new ProbeLimiter(config, clock);
    InetAddress victim = ip(66);

    int admitted = 0;
    for (int peer = 0; peer < 100; peer++) {
      if (limiter.admit("peer-" + peer, victim, 3).isEmpty()) {
        admitted += 3;
      }
    }
    assertThat(admitted).isEqualTo(6);
    assertThat(limiter.admit("peer-x", ip(67), 3)).as("other targets are unaffected").isEmpty();

    // Over a simulated minute, 100 peers asking every second get 0.5 probes/s through, no more.
    for (int s = 0; s < 60; s++) {
      clock.advance(Duration.ofSeconds(1));
      for (int peer = 0; peer < 100; peer++) {
        if (limiter.admit("peer-" + peer, victim, 3).isEmpty()) {
          admitted += 3;
        }
      }
    }
    assertThat(admitted).isBetween(6 + 27, 6 + 30);
  }

  @Test
  void oneIpv6Slash64SharesOneTargetBudget() throws Exception {
    ProbeConfig config = ProbeConfig.builder().maxCount(5).defaultCount(3).perTargetBurst(10)
        .build();
    ProbeLimiter limiter = new ProbeLimiter(config, clock);

    assertThat(limiter.admit("A", InetAddress.getByName("2001:db8:1:2::1"), 5)).isEmpty();
    assertThat(limiter.admit("B", InetAddress.getByName("2001:db8:1:2::2"), 5)).isEmpty();
    assertThat(limiter.admit("C", InetAddress.getByName("2001:db8:1:2:ffff::3"), 5))
        .contains(ProbeStatus.REFUSED_TARGET_RATE);
    assertThat(limiter.admit("C", InetAddress.getByName("2001:db8:1:3::1"), 5))
        .as("the next /64").isEmpty();
    assertThat(limiter.admit("C", ip(1), 5)).isEmpty();
    assertThat(limiter.admit("C", ip(2), 5)).as("IPv4 addresses each have their own").isEmpty();
  }

  @Test
  void theGlobalBudgetBoundsEveryoneTogether() throws Exception {
    ProbeConfig config = ProbeConfig.builder().maxCount(5).defaultCount(3).perPeerBurst(5)
        .globalBurst(20).globalRate(1).build();
    ProbeLimiter limiter = new ProbeLimiter(config, clock);

    int admitted = 0;
    for (int i = 0; i < 50; i++) {
      Optional<ProbeStatus> r = limiter.admit("peer-" + i, ip(i), 5);
      if (r.isEmpty()) {
        admitted += 5;
      } else {
        assertThat(r).contains(ProbeStatus.REFUSED_GLOBAL_RATE);
      }
    }
    assertThat(admitted).isEqualTo(20);
  }

  @Test
  void aRefusalTakesNothingFromTheOtherBudgets() throws Exception {
    ProbeConfig config = ProbeConfig.builder().maxCount(5).defaultCount(3).perPeerBurst(10)
        .perTargetBurst(5).build();
    ProbeLimiter limiter = new ProbeLimiter(config, clock);

    assertThat(limiter.admit("A", ip(1), 5)).isEmpty();
    for (int i = 0; i < 10; i++) {
      assertThat(limiter.admit("A", ip(1), 5)).contains(ProbeStatus.REFUSED_TARGET_RATE);
    }
    assertThat(limiter.admit("A", ip(2), 5)).as("A's own budget was not spent by refusals").isEmpty();
  }

  @Test
  void trackedPeersAndTargetsStayBoundedAndIdleOnesAreForgotten() throws Exception {
    ProbeConfig config = ProbeConfig.builder().maxTrackedPeers(3).maxTrackedTargets(3)
        .maxCount(3).defaultCount(3).perPeerBurst(50).perTargetBurst(10).build();
    ProbeLimiter limiter = new ProbeLimiter(config, clock);

    for (int i = 0; i < 3; i++) {
      assertThat(limiter.admit("peer-" + i, ip(i), 3)).isEmpty();
    }
    assertThat(limiter.admit("peer-9", ip(1), 3))
        .as("every tracked asker's bucket is in use").contains(ProbeStatus.REFUSED_PEER_RATE);

    clock.advance(Duration.ofMinutes(5));
    for (int i = 10; i < 20; i++) {
      assertThat(limiter.admit("peer-" + i, ip(i), 3)).isEmpty();
      clock.advance(Duration.ofMinutes(5));
    }
    assertThat(limiter.trackedPeers()).isLessThanOrEqualTo(3);
    assertThat(limiter.trackedTargets()).isLessThanOrEqualTo(3);
  }
}
