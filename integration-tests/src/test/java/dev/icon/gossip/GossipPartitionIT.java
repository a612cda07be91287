package dev.icon.gossip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.icon.gossip.GossipTestNetwork.Node;
import dev.icon.overlay.api.Connection;
import dev.icon.overlay.api.HostListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Issue 4, "Churn and attack": a partition heals and the mesh reforms. 30 nodes; the partition
 * closes every connection between the two halves and refuses new ones (a host listener closes any
 * cross connection while the partition lasts); each half keeps delivering its own messages; healing
 * re-dials the cut links, after which meshes span both halves again and every message published
 * reaches all 30 nodes.
 */
class GossipPartitionIT {

  private static final int NODES = 30;
  private static final int PER_PHASE = 200;
  private volatile boolean partitioned;

  @Test
  void partitionedHalvesEachDeliverLocallyAndTheHealedMeshDeliversEverywhere() throws Exception {
    try (GossipTestNetwork net = new GossipTestNetwork(NODES, 3 * PER_PHASE, 11,
        UnaryOperator.identity())) {
      net.connectRandomly(4);
      GossipMeshIT.awaitMeshes(net);
      List<Node> left = net.nodes.subList(0, NODES / 2);
      List<Node> right = net.nodes.subList(NODES / 2, NODES);
      assertThat(GossipTestNetwork.connected(left)).as("left half (seeded) connected").isTrue();
      assertThat(GossipTestNetwork.connected(right)).as("right half (seeded) connected").isTrue();
      Set<Node> leftSet = new HashSet<>(left);
      for (Node n : net.nodes) {
        n.host.addListener(new HostListener() {
          @Override
          public void connected(Connection c) {
            Node other = net.nodes.stream().filter(o -> o.id().equals(c.remotePeer())).findFirst()
                .orElse(null);
            if (partitioned && other != null && leftSet.contains(other) != leftSet.contains(n)) {
              c.close();
            }
          }
        });
      }
      List<Node[]> cut = new ArrayList<>();
      for (Node a : left) {
        for (Node b : right) {
          if (!a.host.connections(b.id()).isEmpty()) {
            cut.add(new Node[] {a, b});
          }
        }
      }
      partitioned = true;
      List<CompletableFuture<Void>> closing = new ArrayList<>();
      for (Node[] link : cut) {
        closing.add(link[0].host.disconnect(link[1].id()));
      }
      CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).join();
      long t0 = System.nanoTime();
      // Each half on its own: left publishes [0, 100), right [100, 200).
      net.publish(0, PER_PHASE / 2, 128, 100, left);
      net.publish(PER_PHASE / 2, PER_PHASE, 128, 100, right);
      awaitHalfDelivered(left, 0, PER_PHASE / 2);
      awaitHalfDelivered(right, PER_PHASE / 2, PER_PHASE);
      for (Node n : left) {
        assertThat(PER_PHASE / 2 - n.log.missing(PER_PHASE / 2, PER_PHASE))
            .as("%s got messages of the other half through the partition", n).isZero();
      }
      double split = (System.nanoTime() - t0) / 1e9;
      partitioned = false;
      long t1 = System.nanoTime();
      List<CompletableFuture<?>> dials = new ArrayList<>();
      for (Node[] link : cut) {
        dials.add(link[0].host.dial(link[1].host.dialAddrs().get(0)));
      }
      CompletableFuture.allOf(dials.toArray(CompletableFuture[]::new)).join();
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
          .until(() -> crossMeshLinks(left, right) > 0);
      int crossLinks = crossMeshLinks(left, right);
      double reformed = (System.nanoTime() - t1) / 1e9;
      net.publish(PER_PHASE, 3 * PER_PHASE, 128, 100);
      GossipMeshIT.awaitAllDelivered(net, PER_PHASE, 3 * PER_PHASE, Duration.ofSeconds(60));
      for (Node n : net.nodes) {
        assertThat(n.log.duplicates(0, 3 * PER_PHASE)).as("%s duplicates", n).isZero();
      }
      System.out.printf("[GossipPartitionIT] %d nodes split in halves (%d links cut): each half"
          + " delivered its %d messages in %.1f s; after re-dialing, %d mesh links cross the halves"
          + " within %.1f s and all %d later messages reached all nodes exactly once; %s%n", NODES,
          cut.size(), PER_PHASE / 2, split, crossLinks, reformed, 2 * PER_PHASE,
          net.clock.latencySummaryAndReset());
    }
  }

  private static void awaitHalfDelivered(List<Node> half, int from, int to) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
      for (Node n : half) {
        assertThat(n.log.missing(from, to)).as("%s missing of its half's [%d, %d)", n, from, to)
            .isZero();
      }
    });
  }

  /** Mesh links (counted from the left) between a left node and a right node. */
  private static int crossMeshLinks(List<Node> left, List<Node> right) {
    Set<Object> rightIds = new HashSet<>();
    right.forEach(n -> rightIds.add(n.id()));
    int links = 0;
    for (Node n : left) {
      links += (int) GossipTestNetwork.meshOf(n).stream().filter(rightIds::contains).count();
    }
    return links;
  }
}
