package dev.icon.overlay.kad;

import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.overlay.identity.PeerId;
import dev.icon.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link RoutingTable}: buckets by cpl, LRU, liveness-checked replacement, closest, refresh. */
class RoutingTableTest {

  private final Random random = new Random(7);
  private final PeerId self = TestPeers.random(random);
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final Map<PeerId, CompletableFuture<Boolean>> checks = new HashMap<>();
  private final List<PeerId> asked = new ArrayList<>();
  private final LivenessCheck pending = peer -> {
    asked.add(peer);
    return checks.computeIfAbsent(peer, p -> new CompletableFuture<>());
  };

  private RoutingTable table(int k, LivenessCheck liveness) {
    return new RoutingTable(self, k, liveness, clock);
  }

  private static RoutingTable.Outcome now(CompletionStage<RoutingTable.Outcome> stage) {
    return stage.toCompletableFuture().getNow(null);
  }

  @Test
  void peersLandInTheBucketOfTheirCommonPrefixLength() {
    RoutingTable table = table(4, pending);
    for (int cpl : new int[] {0, 0, 3, 9}) {
      assertThat(now(table.offer(TestPeers.inBucket(self, cpl, random))))
          .isEqualTo(RoutingTable.Outcome.ADDED);
    }
    assertThat(table.bucket(0)).hasSize(2);
    assertThat(table.bucket(3)).hasSize(1);
    assertThat(table.bucket(9)).hasSize(1);
    assertThat(table.size()).isEqualTo(4);
  }

  @Test
  void selfIsNeverStored() {
    RoutingTable table = table(4, pending);
    assertThat(now(table.offer(self))).isEqualTo(RoutingTable.Outcome.REJECTED_SELF);
    assertThat(table.size()).isZero();
  }

  @Test
  void offeringAKnownPeerMovesItToTheMostRecentEnd() {
    RoutingTable table = table(3, pending);
    PeerId a = TestPeers.inBucket(self, 1, random);
    PeerId b = TestPeers.inBucket(self, 1, random);
    table.offer(a);
    table.offer(b);
    clock.advance(Duration.ofSeconds(5));
    assertThat(now(table.offer(a))).isEqualTo(RoutingTable.Outcome.UPDATED);
    assertThat(table.bucket(1)).containsExactly(b, a);
    assertThat(table.lastSeen(a)).contains(clock.instant());
    assertThat(table.size()).isEqualTo(2);
  }

  @Test
  void fullBucketKeepsTheLeastRecentlySeenPeerWhenItIsAlive() {
    RoutingTable table = table(2, pending);
    PeerId oldest = TestPeers.inBucket(self, 0, random);
    PeerId newer = TestPeers.inBucket(self, 0, random);
    PeerId candidate = TestPeers.inBucket(self, 0, random);
    table.offer(oldest);
    table.offer(newer);

    CompletableFuture<RoutingTable.Outcome> outcome = table.offer(candidate).toCompletableFuture();
    assertThat(asked).containsExactly(oldest);
    assertThat(outcome).isNotDone();
    checks.get(oldest).complete(true);

    assertThat(outcome.getNow(null)).isEqualTo(RoutingTable.Outcome.BUCKET_FULL);
    assertThat(table.bucket(0)).containsExactly(newer, oldest);
    assertThat(table.contains(candidate)).isFalse();
  }

  @Test
  void fullBucketReplacesTheLeastRecentlySeenPeerWhenItIsDead() {
    RoutingTable table = table(2, pending);
    PeerId oldest = TestPeers.inBucket(self, 0, random);
    PeerId newer = TestPeers.inBucket(self, 0, random);
    PeerId candidate = TestPeers.inBucket(self, 0, random);
    table.offer(oldest);
    table.offer(newer);

    CompletableFuture<RoutingTable.Outcome> outcome = table.offer(candidate).toCompletableFuture();
    checks.get(oldest).completeExceptionally(new RuntimeException("no route"));

    assertThat(outcome.getNow(null)).isEqualTo(RoutingTable.Outcome.REPLACED_DEAD);
    assertThat(table.bucket(0)).containsExactly(newer, candidate);
    assertThat(table.size()).isEqualTo(2);
  }

  @Test
  void candidatesArrivingDuringACheckAreDroppedWithoutAskingAgain() {
    RoutingTable table = table(1, pending);
    PeerId resident = TestPeers.inBucket(self, 2, random);
    table.offer(resident);
    table.offer(TestPeers.inBucket(self, 2, random));
    assertThat(now(table.offer(TestPeers.inBucket(self, 2, random))))
        .isEqualTo(RoutingTable.Outcome.BUCKET_FULL);
    assertThat(asked).containsExactly(resident);
    // Another bucket is not blocked by that check.
    assertThat(now(table.offer(TestPeers.inBucket(self, 3, random))))
        .isEqualTo(RoutingTable.Outcome.ADDED);
  }

  @Test
  void synchronousLivenessCheckSettlesAtOnce() {
    RoutingTable table = table(1, peer -> CompletableFuture.completedFuture(false));
    table.offer(TestPeers.inBucket(self, 0, random));
    PeerId candidate = TestPeers.inBucket(self, 0, random);
    assertThat(now(table.offer(candidate))).isEqualTo(RoutingTable.Outcome.REPLACED_DEAD);
    assertThat(table.bucket(0)).containsExactly(candidate);
  }

  @Test
  void livenessCheckThatThrowsCountsAsDead() {
    RoutingTable table = table(1, peer -> {
      throw new IllegalStateException("boom");
    });
    table.offer(TestPeers.inBucket(self, 0, random));
    assertThat(now(table.offer(TestPeers.inBucket(self, 0, random))))
        .isEqualTo(RoutingTable.Outcome.REPLACED_DEAD);
  }

  @Test
  void removeForgetsThePeer() {
    RoutingTable table = table(4, pending);
    PeerId a = TestPeers.random(random);
    table.offer(a);
    assertThat(table.remove(a)).isTrue();
    assertThat(table.remove(a)).isFalse();
    assertThat(table.contains(a)).isFalse();
    assertThat(table.size()).isZero();
  }

  @ParameterizedTest(name = "closest {0} of 300 offered")
  @ValueSource(ints = {1, 5, 20, 1000})
  void closestReturnsTheNearestPeersInOrder(int n) {
    RoutingTable table = table(20, peer -> CompletableFuture.completedFuture(true));
    for (int i = 0; i < 300; i++) {
      table.offer(TestPeers.random(random));
    }
    KadKey target = KadKey.random(random);
    List<PeerId> expected = new ArrayList<>(table.peers());
    expected.sort(Comparator.comparing(KadKey::of, target.byDistance()));
    assertThat(table.closest(target, n))
        .containsExactlyElementsOf(expected.subList(0, Math.min(n, expected.size())));
  }

  @Test
  void sizeIsBoundedByKPerBucket() {
    RoutingTable table = table(20, peer -> CompletableFuture.completedFuture(true));
    for (int i = 0; i < 2000; i++) {
      table.offer(TestPeers.random(random));
    }
    Set<PeerId> all = new HashSet<>(table.peers());
    assertThat(all).hasSize(table.size());
    for (int cpl = 0; cpl < KadKey.BITS; cpl++) {
      assertThat(table.bucket(cpl)).hasSizeLessThanOrEqualTo(20);
    }
    // Each of the first buckets had far more candidates than room.
    assertThat(table.bucket(0)).hasSize(20);
    assertThat(table.bucket(3)).hasSize(20);
    assertThat(table.size()).isLessThan(20 * 12);
  }

  @Test
  void refreshListsOverdueBucketsUpToTheDeepestOccupied() {
    RoutingTable table = table(20, pending);
    table.offer(TestPeers.inBucket(self, 0, random));
    table.offer(TestPeers.inBucket(self, 4, random));
    Duration interval = Duration.ofMinutes(5);
    assertThat(table.bucketsNeedingRefresh(interval, 15)).containsExactly(0, 1, 2, 3, 4);
    assertThat(table.bucketsNeedingRefresh(interval, 2)).containsExactly(0, 1, 2);

    table.markRefreshed(KadKey.of(TestPeers.inBucket(self, 1, random)));
    table.markRefreshed(3);
    assertThat(table.lastRefreshed(3)).isEqualTo(clock.instant());
    assertThat(table.bucketsNeedingRefresh(interval, 15)).containsExactly(0, 2, 4);

    clock.advance(interval.minusSeconds(1));
    assertThat(table.bucketsNeedingRefresh(interval, 15)).containsExactly(0, 2, 4);
    clock.advance(Duration.ofSeconds(1));
    assertThat(table.bucketsNeedingRefresh(interval, 15)).containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void emptyTableStillRefreshesBucketZero() {
    assertThat(table(20, pending).bucketsNeedingRefresh(Duration.ofMinutes(1), 15))
        .containsExactly(0);
  }

  @Test
  void concurrentOffersAndRemovalsKeepTheBoundsAndTheCount() throws Exception {
    RoutingTable table =
        table(8, peer -> CompletableFuture.supplyAsync(() -> peer.hashCode() % 2 == 0));
    List<PeerId> peers = new ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      peers.add(TestPeers.random(random));
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t;
        done.add(pool.submit(() -> {
          for (int i = offset; i < peers.size(); i += 4) {
            table.offer(peers.get(i)).toCompletableFuture().join();
            if (i % 7 == 0) {
              table.remove(peers.get(i - 1 < 0 ? 0 : i - 1));
            }
          }
        }));
      }
      for (java.util.concurrent.Future<?> f : done) {
        f.get(60, java.util.concurrent.TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(table.peers()).doesNotHaveDuplicates().hasSize(table.size());
    for (int cpl = 0; cpl < KadKey.BITS; cpl++) {
      assertThat(table.bucket(cpl)).hasSizeLessThanOrEqualTo(8);
    }
    assertThat(table.bucket(0)).isNotEmpty();
  }
}
