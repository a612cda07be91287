package dev.icon.gossip.router;

import dev.icon.gossip.api.MessageId;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random operation sequences run against SeenCache and MessageCache and against naive
 * reference models written from the spec's wording; both must agree at every step.
 */
class CacheModelTest {

  static Stream<Long> seeds() {
    return LongStream.range(0, 200).boxed();
  }

  private static MessageId id(int n) {
    return MessageId.of(new byte[] {(byte) n});
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void seenCacheMatchesModel(long seed) {
    Random r = new Random(seed);
    ManualNanoClock clock = new ManualNanoClock(r.nextLong());
    long ttlMs = 1 + r.nextInt(100);
    int max = 1 + r.nextInt(20);
    SeenCache seen = new SeenCache(Duration.ofMillis(ttlMs), max, clock);
    // Model: id -> first-seen time in ms, insertion ordered; expired or over-size entries dropped.
    LinkedHashMap<Integer, Long> model = new LinkedHashMap<>();
    long nowMs = 0;
    for (int step = 0; step < 300; step++) {
      int n = r.nextInt(40);
      final long now = nowMs;
      model.values().removeIf(t -> now - t >= ttlMs);
      switch (r.nextInt(3)) {
        case 0 -> {
          boolean fresh = !model.containsKey(n);
          if (fresh) {
            if (model.size() >= max) {
              model.remove(model.keySet().iterator().next());
            }
            model.put(n, nowMs);
          }
          assertThat(seen.add(id(n))).as("add %d at step %d", n, step).isEqualTo(fresh);
        }
        case 1 -> assertThat(seen.contains(id(n))).as("contains %d at step %d", n, step)
            .isEqualTo(model.containsKey(n));
        default -> {
          long dt = r.nextInt((int) ttlMs + 1);
          clock.advance(Duration.ofMillis(dt));
          nowMs += dt;
        }
      }
      assertThat(seen.size()).isLessThanOrEqualTo(max);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void messageCacheMatchesModel(long seed) {
    Random r = new Random(seed);
    int length = 1 + r.nextInt(6);
    int gossip = r.nextInt(length + 1);
    int limit = 1 + r.nextInt(4);
    MessageCache<Integer, String> cache = new MessageCache<>(length, gossip, limit);
    // Model: id -> (topic, heartbeat of insertion); iwant counts per (id, peer).
    Map<Integer, Object[]> model = new HashMap<>();
    Map<String, Integer> iwants = new HashMap<>();
    int heartbeat = 0;
    for (int step = 0; step < 300; step++) {
      int n = r.nextInt(60);
      String topic = "t" + r.nextInt(3);
      switch (r.nextInt(4)) {
        case 0 -> {
          boolean fresh = !model.containsKey(n);
          if (fresh) {
            model.put(n, new Object[] {topic, heartbeat});
            iwants.keySet().removeIf(k -> k.startsWith(n + "/"));
          }
          assertThat(cache.put(id(n), topic, "m" + n)).isEqualTo(fresh);
        }
        case 1 -> {
          int peer = r.nextInt(3);
          Optional<String> expected = Optional.empty();
          if (model.containsKey(n)) {
            int count = iwants.merge(n + "/" + peer, 1, Integer::sum);
            expected = count <= limit ? Optional.of("m" + n) : Optional.empty();
          }
          assertThat(cache.getForIwant(id(n), peer)).isEqualTo(expected);
        }
        case 2 -> {
          List<MessageId> expected = new ArrayList<>();
          for (int age = 0; age < gossip; age++) {
            for (int k = 0; k < 60; k++) {
              Object[] e = model.get(k);
              if (e != null && e[0].equals(topic) && (int) e[1] == heartbeat - age) {
                expected.add(id(k));
              }
            }
          }
          assertThat(cache.getGossipIds(topic)).containsExactlyInAnyOrderElementsOf(expected);
        }
        default -> {
          heartbeat++;
          final int hb = heartbeat;
          cache.shift();
          model.values().removeIf(e -> hb - (int) e[1] >= length);
        }
      }
      assertThat(cache.size()).isEqualTo(model.size());
    }
  }
}
