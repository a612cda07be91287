package dev.icon.gossip;

import static dev.icon.gossip.GossipTestNetwork.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.icon.gossip.GossipTestNetwork.Node;
import dev.icon.gossip.api.GossipSettings;
import dev.icon.gossip.router.GossipConfig;
import dev.icon.gossip.score.PeerScoreParams;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Issue 4, "Churn and attack": memory stays bounded under a flood of unique messages. One node
 * publishes 200,000 unique 1 KiB messages to another as fast as the receiver takes them; the seen
 * cache is bounded at 10,000 ids, the message cache at 5 heartbeats of 100 ms and the scorer's
 * per-message delivery records (kept even with scoring off) at 10,000. Afterwards the
 * heap both nodes retain (after GC) must be a few MB above what it was before, far below the
 * 200,000 ids (about 30 MB a node) or 200 MB of messages an unbounded cache would keep.
 */
class GossipFloodMemoryIT {

  private static final int FLOOD = 200_000;
  private static final int SEEN_MAX = 10_000;
  /** Retained growth allowed for the two nodes together, in bytes. */
  private static final long BOUND = 16L << 20;

  @Test
  void heapStaysBoundedAfterTwoHundredThousandUniqueMessages() throws Exception {
    try (GossipTestNetwork net = new GossipTestNetwork(2, FLOOD, 5, GossipFloodMemoryIT::bounded)) {
      Node flooder = net.nodes.get(0);
      Node victim = net.nodes.get(1);
      flooder.host.dial(victim.host.dialAddrs().get(0)).join();
      await().atMost(Duration.ofSeconds(30)).until(() -> GossipTestNetwork.meshSize(flooder) == 1);
      Semaphore window = new Semaphore(2_000); // flow control: at most 2,000 messages in flight
      victim.log.onFirstDelivery = window::release;
      int warmUp = 2 * SEEN_MAX; // fills the seen caches to their bound before the baseline
      flood(net, flooder, window, 0, warmUp);
      GossipMeshIT.awaitAllDelivered(net, 0, warmUp, Duration.ofSeconds(60));
      long baseline = awaitSettledHeap();
      long start = System.nanoTime();
      flood(net, flooder, window, warmUp, FLOOD);
      GossipMeshIT.awaitAllDelivered(net, warmUp, FLOOD, Duration.ofSeconds(120));
      double seconds = (System.nanoTime() - start) / 1e9;
      assertThat(victim.log.duplicates(0, FLOOD)).isZero();
      AtomicLong grown = new AtomicLong();
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
          .untilAsserted(() -> {
            grown.set(retainedHeap() - baseline);
            assertThat(grown.get()).as("retained heap growth (bytes)").isLessThan(BOUND);
          });
      System.out.printf("[GossipFloodMemoryIT] %d unique 1 KiB messages in %.1f s (%.0f/s), all"
          + " delivered once; retained heap %+.1f MB after the flood (baseline %.1f MB, bound"
          + " %d MB; seen cache and delivery record bound %d)%n", FLOOD - warmUp, seconds,
          (FLOOD - warmUp) / seconds, grown.get() / 1e6, baseline / 1e6, BOUND >> 20, SEEN_MAX);
    }
  }

  private static void flood(GossipTestNetwork net, Node flooder, Semaphore window, int from,
      int to) throws InterruptedException {
    AtomicLong failed = new AtomicLong();
    for (int no = from; no < to; no++) {
      assertThat(window.tryAcquire(30, TimeUnit.SECONDS)).as("receiver keeps up").isTrue();
      net.publishOne(flooder, no, 1024).whenComplete((v, e) -> {
        if (e != null) {
          failed.incrementAndGet();
        }
      });
    }
    assertThat(failed.get()).as("failed publishes").isZero();
  }

  /** Used heap after GC, once two readings agree within 1 MB. */
  private static long awaitSettledHeap() {
    long[] last = {retainedHeap()};
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
      long now = retainedHeap();
      boolean settled = Math.abs(now - last[0]) < (1 << 20);
      last[0] = now;
      return settled;
    });
    return last[0];
  }

  private static long retainedHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static GossipSettings bounded(GossipSettings s) {
    GossipConfig config = s.config().toBuilder().seenMaxEntries(SEEN_MAX).build();
    // Scoring stays off, so the scorer keeps no delivery records; the bound below matters when
    // topic scoring is on (a record per message, about 250 bytes, for up to 2 minutes).
    PeerScoreParams scoring = s.scoreParams().toBuilder().maxDeliveryRecords(SEEN_MAX).build();
    return new GossipSettings(config, scoring, s.thresholds(), s.signaturePolicy(),
        s.idFunction(), s.directPeers(), s.allowPublishToZeroPeers(), s.validationTimeout(),
        s.maxTopics(), s.floodsub(), s.metricsPrefix());
  }
}
