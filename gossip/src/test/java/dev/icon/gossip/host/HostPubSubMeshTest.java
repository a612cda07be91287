package dev.icon.gossip.host;

import static dev.icon.gossip.host.GossipNodes.await;
import static dev.icon.gossip.host.GossipNodes.connect;
import static dev.icon.gossip.host.GossipNodes.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.gossip.api.MessageId;
import dev.icon.gossip.host.GossipNodes.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HostPubSubMeshTest {
  private static final int NODES = 10;
  private static final int MESSAGES = 100;
  private final GossipNodes nodes = new GossipNodes();

  @AfterEach
  void stop() {
    nodes.close();
  }

  @Test
  void tenNodeMeshDeliversEveryMessageExactlyOnceToEveryHandler() {
    Random random = new Random(42);
    List<Node> all = nodes.start(NODES);
    List<Map<MessageId, AtomicInteger>> received = new ArrayList<>();
    for (Node n : all) {
      Map<MessageId, AtomicInteger> counts = new ConcurrentHashMap<>();
      received.add(counts);
      n.pubsub().subscribe("mesh", m -> counts.computeIfAbsent(m.id(), k -> new AtomicInteger())
          .incrementAndGet());
    }
    // A sparse connected graph: a ring plus a few seeded chords.
    for (int i = 0; i < NODES; i++) {
      connect(all.get(i), all.get((i + 1) % NODES));
      int j = random.nextInt(NODES);
      if (j != i && j != (i + 1) % NODES && j != (i + NODES - 1) % NODES) {
        connect(all.get(i), all.get(j));
      }
    }
    for (Node n : all) {
      await().until(() -> get(n.pubsub().meshPeers("mesh")).size() >= 2);
    }

    List<MessageId> published = new ArrayList<>();
    List<Integer> publishers = new ArrayList<>();
    for (int k = 0; k < MESSAGES; k++) {
      int p = random.nextInt(NODES);
      publishers.add(p);
      published.add(get(all.get(p).pubsub().publish("mesh", ("m" + k).getBytes())).id());
    }

    for (int i = 0; i < NODES; i++) {
      Map<MessageId, AtomicInteger> counts = received.get(i);
      int self = i;
      long expected = publishers.stream().filter(p -> p != self).count();
      await().until(() -> counts.size() == expected);
    }
    for (int i = 0; i < NODES; i++) {
      for (int k = 0; k < MESSAGES; k++) {
        AtomicInteger c = received.get(i).get(published.get(k));
        if (publishers.get(k) == i) {
          assertThat(c).as("own message %d at node %d", k, i).isNull();
        } else {
          assertThat(c).as("message %d at node %d", k, i).isNotNull();
          assertThat(c.get()).as("message %d at node %d", k, i).isEqualTo(1);
        }
      }
    }
  }
}
