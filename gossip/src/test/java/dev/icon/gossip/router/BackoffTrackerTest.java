package dev.icon.gossip.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTrackerTest {

  private final ManualNanoClock clock = new ManualNanoClock();
  // pruneBackoff 60 s, maxBackoff 1 h, graftFloodThreshold 10 s.
  private final BackoffTracker<String> tracker = BackoffTracker.create(GossipConfig.defaults(), clock);

  @Test
  void defaultBackoffLastsThePruneBackoff() {
    tracker.backoff("p", "t");
    assertThat(tracker.isBackedOff("p", "t")).isTrue();
    assertThat(tracker.isBackedOff("p", "other")).isFalse();
    assertThat(tracker.isBackedOff("q", "t")).isFalse();
    clock.advance(Duration.ofSeconds(59));
    assertThat(tracker.remaining("p", "t")).isEqualTo(Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(1));
    assertThat(tracker.isBackedOff("p", "t")).isFalse();
    assertThat(tracker.remaining("p", "t")).isZero();
  }

  @Test
  void backoffOnlyExtends() {
    tracker.backoff("p", "t", Duration.ofSeconds(30));
    tracker.backoff("p", "t", Duration.ofSeconds(10));
    assertThat(tracker.remaining("p", "t")).isEqualTo(Duration.ofSeconds(30));
    clock.advance(Duration.ofSeconds(5));
    tracker.backoff("p", "t", Duration.ofSeconds(60));
    assertThat(tracker.remaining("p", "t")).isEqualTo(Duration.ofSeconds(60));
  }

  @ParameterizedTest(name = "requested {0} s -> {1} s")
  @CsvSource({"-5,0", "0,0", "10,10", "3600,3600", "3601,3600", "9223372036854775807,3600"})
  void durationsAreClampedToMax(long requestedSeconds, long expectedSeconds) {
    tracker.backoff("p", "t", Duration.ofSeconds(requestedSeconds));
    assertThat(tracker.remaining("p", "t")).isEqualTo(Duration.ofSeconds(expectedSeconds));
  }

  @ParameterizedTest(name = "PRUNE backoff {0} s -> {1} s")
  @CsvSource({"0,0", "1,1", "60,60", "3600,3600", "3601,3600", "-1,3600", "-9223372036854775808,3600"})
  void pruneBackoffIsUnsignedSecondsClamped(long unsignedSeconds, long expectedSeconds) {
    tracker.backoffFromPrune("p", "t", OptionalLong.of(unsignedSeconds));
    assertThat(tracker.remaining("p", "t")).isEqualTo(Duration.ofSeconds(expectedSeconds));
  }

  @Test
  void pruneWithoutBackoffFieldUsesDefault() {
    tracker.backoffFromPrune("p", "t", OptionalLong.empty());
    assertThat(tracker.remaining("p", "t")).isEqualTo(Duration.ofMinutes(1));
  }

  @ParameterizedTest(name = "graft {0} s after prune: flood={1}")
  @CsvSource({"0,true", "9,true", "10,false", "30,false", "60,false"})
  void graftFloodWithinThresholdOfBackoff(long afterSeconds, boolean flood) {
    tracker.backoff("p", "t");
    clock.advance(Duration.ofSeconds(afterSeconds));
    assertThat(tracker.isGraftFlood("p", "t")).isEqualTo(flood);
    assertThat(tracker.isGraftFlood("q", "t")).isFalse();
  }

  @Test
  void expireRemovesElapsedOnly() {
    tracker.backoff("p", "t", Duration.ofSeconds(10));
    tracker.backoff("q", "t", Duration.ofSeconds(20));
    clock.advance(Duration.ofSeconds(10));
    assertThat(tracker.expire()).isEqualTo(1);
    assertThat(tracker.size()).isEqualTo(1);
    assertThat(tracker.isBackedOff("q", "t")).isTrue();
    clock.advance(Duration.ofSeconds(10));
    assertThat(tracker.expire()).isEqualTo(1);
    assertThat(tracker.size()).isZero();
  }

  @Test
  void worksAcrossNanoClockOverflow() {
    ManualNanoClock c = new ManualNanoClock(Long.MAX_VALUE - 1_000_000_000L);
    BackoffTracker<String> t = BackoffTracker.create(GossipConfig.defaults(), c);
    t.backoff("p", "t");
    c.advance(Duration.ofSeconds(30));
    assertThat(t.remaining("p", "t")).isEqualTo(Duration.ofSeconds(30));
    assertThat(t.expire()).isZero();
    c.advance(Duration.ofSeconds(30));
    assertThat(t.expire()).isEqualTo(1);
  }
}
