package dev.icon.gossip.router;

import dev.icon.gossip.api.MessageId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageCacheTest {

  private static MessageId id(int n) {
    return MessageId.of(new byte[] {(byte) (n >> 8), (byte) n});
  }

  private final MessageCache<String, String> cache = MessageCache.create(GossipConfig.defaults());

  @Test
  void putThenGet() {
    assertThat(cache.put(id(1), "t", "m1")).isTrue();
    assertThat(cache.get(id(1))).contains("m1");
    assertThat(cache.topic(id(1))).contains("t");
    assertThat(cache.contains(id(1))).isTrue();
    assertThat(cache.get(id(2))).isEmpty();
    assertThat(cache.size()).isEqualTo(1);
  }

  @Test
  void duplicatePutIsIgnored() {
    cache.put(id(1), "t", "m1");
    assertThat(cache.put(id(1), "u", "other")).isFalse();
    assertThat(cache.get(id(1))).contains("m1");
    assertThat(cache.getGossipIds("u")).isEmpty();
  }

  @Test
  void gossipIdsArePerTopicNewestWindowFirst() {
    cache.put(id(1), "a", "m1");
    cache.put(id(2), "b", "m2");
    cache.shift();
    cache.put(id(3), "a", "m3");
    assertThat(cache.getGossipIds("a")).containsExactly(id(3), id(1));
    assertThat(cache.getGossipIds("b")).containsExactly(id(2));
    assertThat(cache.getGossipIds("c")).isEmpty();
  }

  /** Message put in window 0 is gossiped for mcacheGossip heartbeats, kept for mcacheLength. */
  @ParameterizedTest(name = "after {0} shifts: gossiped={1} cached={2}")
  @CsvSource({"0,true,true", "1,true,true", "2,true,true", "3,false,true", "4,false,true", "5,false,false",
      "6,false,false"})
  void windowsAgeOut(int shifts, boolean gossiped, boolean cached) {
    cache.put(id(1), "t", "m1");
    for (int i = 0; i < shifts; i++) {
      cache.shift();
    }
    assertThat(cache.getGossipIds("t").contains(id(1))).isEqualTo(gossiped);
    assertThat(cache.contains(id(1))).isEqualTo(cached);
  }

  @Test
  void shiftReturnsEvictedMessagesForRelease() {
    cache.put(id(1), "t", "m1");
    cache.put(id(2), "u", "m2");
    for (int i = 0; i < 4; i++) {
      assertThat(cache.shift()).isEmpty();
    }
    assertThat(cache.shift()).containsExactlyInAnyOrder("m1", "m2");
    assertThat(cache.size()).isZero();
  }

  @Test
  void iwantIsAnsweredThreeTimesPerPeerPerMessage() {
    cache.put(id(1), "t", "m1");
    for (int i = 0; i < 3; i++) {
      assertThat(cache.getForIwant(id(1), "p")).contains("m1");
    }
    assertThat(cache.getForIwant(id(1), "p")).isEmpty();
    assertThat(cache.iwantCount(id(1), "p")).isEqualTo(4);
    assertThat(cache.getForIwant(id(1), "q")).as("other peer has its own budget").contains("m1");
    assertThat(cache.get(id(1))).as("plain get is not counted").contains("m1");
    assertThat(cache.getForIwant(id(9), "p")).isEmpty();
    assertThat(cache.iwantCount(id(9), "p")).isZero();
  }

  @Test
  void iwantCountsGoWithTheMessage() {
    MessageCache<String, String> small = new MessageCache<>(1, 1, 1);
    small.put(id(1), "t", "m1");
    assertThat(small.getForIwant(id(1), "p")).contains("m1");
    assertThat(small.getForIwant(id(1), "p")).isEmpty();
    small.shift();
    small.put(id(1), "t", "m1 again");
    assertThat(small.getForIwant(id(1), "p")).contains("m1 again");
  }

  @Test
  void zeroGossipWindowsAdvertisesNothing() {
    MessageCache<String, String> c = new MessageCache<>(2, 0, 3);
    c.put(id(1), "t", "m1");
    assertThat(c.getGossipIds("t")).isEmpty();
    assertThat(c.get(id(1))).contains("m1");
  }

  @Test
  void rejectsBadSizes() {
    assertThatThrownBy(() -> new MessageCache<>(0, 0, 3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MessageCache<>(3, 4, 3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MessageCache<>(3, 3, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void manyMessagesStayBoundedByWindows() {
    for (int round = 0; round < 20; round++) {
      for (int i = 0; i < 100; i++) {
        cache.put(id(round * 100 + i), "t", "m");
      }
      cache.shift();
    }
    assertThat(cache.size()).isEqualTo(400);
    assertThat(cache.getGossipIds("t")).hasSize(200);
    List<MessageId> ids = cache.getGossipIds("t");
    assertThat(ids.get(0)).isEqualTo(id(1900));
  }
}
