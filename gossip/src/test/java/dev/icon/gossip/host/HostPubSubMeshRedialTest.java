package dev.icon.gossip.host;

import static dev.icon.gossip.host.GossipNodes.await;
import static dev.icon.gossip.host.GossipNodes.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.gossip.host.GossipNodes.Inbox;
import dev.icon.gossip.host.GossipNodes.Node;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Lost mesh neighbours are re-dialled ({@link MeshRedial}). */
class HostPubSubMeshRedialTest {
  private final GossipNodes nodes = new GossipNodes();

  @AfterEach
  void stop() {
    nodes.close();
  }

  @Test
  void aMeshNeighbourWhoseConnectionDropsIsRedialledAndRejoinsTheMesh() {
    Node a = nodes.start();
    Node b = nodes.start();
    Inbox atB = new Inbox();
    a.pubsub().subscribe("m", m -> { });
    b.pubsub().subscribe("m", atB::add);
    GossipNodes.connect(a, b); // b's listen address reaches a's peer store through identify
    await().until(() -> get(a.pubsub().meshPeers("m")).contains(b.id()));

    get(b.host().disconnect(a.id())); // as a keepalive giving up would
    await().until(() -> a.host().connections(b.id()).isEmpty()
        || !get(a.pubsub().meshPeers("m")).contains(b.id()));

    await().atMost(Duration.ofSeconds(20)).until(() -> get(a.pubsub().meshPeers("m"))
        .contains(b.id()) && get(b.pubsub().meshPeers("m")).contains(a.id()));
    assertThat(a.host().connections(b.id())).anyMatch(c -> c.isOpen());
    get(a.pubsub().publish("m", "after".getBytes()));
    await().until(() -> atB.texts().contains("after"));
  }

  @Test
  void aPeerThatIsNotInAnyMeshIsNotRedialled() {
    Node a = nodes.start();
    Node b = nodes.start();
    a.pubsub().subscribe("m", m -> { });
    GossipNodes.connect(a, b);
    await().until(() -> ((HostPubSub) a.pubsub()).peers().contains(b.id()));

    get(b.host().disconnect(a.id()));
    await().until(() -> a.host().connections(b.id()).isEmpty());
    // b never subscribed, so it was never in a's mesh: no connection comes back, past the first
    // redial delay.
    await().during(MeshRedial.FIRST_DELAY.plusMillis(500)).atMost(Duration.ofSeconds(5))
        .until(() -> a.host().connections(b.id()).isEmpty());
  }
}
