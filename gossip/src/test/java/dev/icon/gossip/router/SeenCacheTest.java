package dev.icon.gossip.router;

import dev.icon.gossip.api.MessageId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SeenCacheTest {

  private static MessageId id(int n) {
    return MessageId.of(new byte[] {(byte) (n >> 16), (byte) (n >> 8), (byte) n});
  }

  private final ManualNanoClock clock = new ManualNanoClock();
  private final SeenCache seen = new SeenCache(Duration.ofMinutes(2), 1000, clock);

  @Test
  void firstAddIsNewSecondIsNot() {
    assertThat(seen.add(id(1))).isTrue();
    assertThat(seen.add(id(1))).isFalse();
    assertThat(seen.contains(id(1))).isTrue();
    assertThat(seen.contains(id(2))).isFalse();
  }

  @Test
  void expiresAfterTtlFromFirstSighting() {
    seen.add(id(1));
    clock.advance(Duration.ofSeconds(119));
    assertThat(seen.add(id(1))).as("re-seeing does not extend the TTL").isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(seen.contains(id(1))).isFalse();
    assertThat(seen.add(id(1))).isTrue();
  }

  @Test
  void expireRemovesOnlyExpired() {
    seen.add(id(1));
    clock.advance(Duration.ofSeconds(60));
    seen.add(id(2));
    clock.advance(Duration.ofSeconds(61));
    assertThat(seen.expire()).isEqualTo(1);
    assertThat(seen.size()).isEqualTo(1);
    assertThat(seen.contains(id(2))).isTrue();
  }

  @Test
  void boundedSizeEvictsOldestFirst() {
    SeenCache small = new SeenCache(Duration.ofMinutes(2), 3, clock);
    for (int i = 1; i <= 4; i++) {
      small.add(id(i));
    }
    assertThat(small.size()).isEqualTo(3);
    assertThat(small.contains(id(1))).isFalse();
    assertThat(small.contains(id(2))).isTrue();
    assertThat(small.contains(id(4))).isTrue();
  }

  @ParameterizedTest(name = "clock starting at {0}")
  @ValueSource(longs = {0L, Long.MAX_VALUE - 60_000_000_000L, -5_000_000_000L})
  void survivesNanoTimeOverflow(long start) {
    ManualNanoClock c = new ManualNanoClock(start);
    SeenCache s = new SeenCache(Duration.ofMinutes(2), 10, c);
    s.add(id(1));
    c.advance(Duration.ofSeconds(90));
    assertThat(s.contains(id(1))).isTrue();
    c.advance(Duration.ofSeconds(30));
    assertThat(s.contains(id(1))).isFalse();
  }

  @Test
  void floodOfUniqueIdsStaysBounded() {
    SeenCache s = SeenCache.create(GossipConfig.builder().seenMaxEntries(10_000).build(), clock);
    for (int i = 0; i < 200_000; i++) {
      assertThat(s.add(id(i))).isTrue();
      if (i % 1000 == 0) {
        clock.advance(Duration.ofMillis(100));
      }
    }
    assertThat(s.size()).isEqualTo(10_000);
  }

  @Test
  void rejectsBadParameters() {
    assertThatThrownBy(() -> new SeenCache(Duration.ZERO, 1, clock)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SeenCache(Duration.ofSeconds(1), 0, clock))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
