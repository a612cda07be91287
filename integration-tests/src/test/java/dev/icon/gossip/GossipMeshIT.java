package dev.icon.gossip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.icon.gossip.GossipTestNetwork.Node;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Issue 4, "Churn and attack": a 100-node gossip mesh in this JVM over real TCP on loopback, each
 * node dialing 4 random others (degree about 8), 100 ms heartbeats, 128-byte messages from random
 * publishers at a bounded rate.
 */
class GossipMeshIT {

  private static final int NODES = Integer.getInteger("gossip.it.nodes", 100);
  private static final int SIZE = 128;

  @Test
  void hundredNodeMeshDeliversTenThousandMessagesToEveryNodeExactlyOnce() throws Exception {
    int messages = Integer.getInteger("gossip.it.messages", 10_000);
    try (GossipTestNetwork net = new GossipTestNetwork(NODES, messages, 1, UnaryOperator.identity())) {
      long t0 = System.nanoTime();
      net.connectRandomly(4);
      System.out.printf("[GossipMeshIT] connected in %.1f s%n", (System.nanoTime() - t0) / 1e9);
      awaitMeshes(net);
      System.out.printf("[GossipMeshIT] meshes in %.1f s%n", (System.nanoTime() - t0) / 1e9);
      long start = System.nanoTime();
      net.publish(0, messages, SIZE, Integer.getInteger("gossip.it.rate", 250));
      awaitAllDelivered(net, 0, messages, Duration.ofSeconds(60));
      double seconds = (System.nanoTime() - start) / 1e9;
      for (Node n : net.nodes) {
        assertThat(n.log.duplicates(0, messages)).as("%s duplicates", n).isZero();
      }
      System.out.printf("[GossipMeshIT] %d nodes, %d messages: 100%% delivered to every node in"
          + " %.1f s, no duplicates; %s%n", NODES, messages, seconds,
          net.clock.latencySummaryAndReset());
    }
  }

  /** Every live node has at least D_lo (4) mesh peers. */
  static void awaitMeshes(GossipTestNetwork net) {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
      for (Node n : net.alive()) {
        assertThat(GossipTestNetwork.meshSize(n)).as("%s mesh", n).isGreaterThanOrEqualTo(4);
      }
    });
  }

  /** Every live node has every message in [from, to) that another node published. */
  static void awaitAllDelivered(GossipTestNetwork net, int from, int to, Duration timeout) {
    await().atMost(timeout).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
      for (Node n : net.alive()) {
        assertThat(n.log.missing(from, to)).as("%s missing of [%d, %d)", n, from, to).isZero();
      }
    });
  }
}
