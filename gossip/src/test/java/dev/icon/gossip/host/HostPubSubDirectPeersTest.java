package dev.icon.gossip.host;

import static dev.icon.gossip.host.GossipNodes.await;
import static dev.icon.gossip.host.GossipNodes.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.gossip.host.GossipNodes.Inbox;
import dev.icon.gossip.host.GossipNodes.Node;
import dev.icon.gossip.router.GossipConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HostPubSubDirectPeersTest {
  private final GossipNodes nodes = new GossipNodes();

  @AfterEach
  void stop() {
    nodes.close();
  }

  @Test
  void aDirectPeerIsDialledRedialledAfterADisconnectAndGetsOurMessages() {
    Node a = nodes.start();
    Inbox atA = new Inbox();
    a.pubsub().subscribe("d", atA::add);
    GossipConfig quickRedial = GossipConfig.forTests().toBuilder().directConnectTicks(4)
        .directConnectInitialDelay(Duration.ofMillis(20)).build();
    Node b = nodes.start(x -> x.config(quickRedial).directPeers(List.of(a.addr())));

    await().until(() -> !b.host().connections(a.id()).isEmpty());
    await().until(() -> get(b.pubsub().topicPeers("d")).contains(a.id()));
    get(b.pubsub().publish("d", "first".getBytes()));
    await().until(() -> atA.texts().contains("first"));

    get(a.host().disconnect(b.id()));
    await().until(() -> b.host().connections(a.id()).stream().anyMatch(c -> c.isOpen())
        && get(b.pubsub().topicPeers("d")).contains(a.id()));
    get(b.pubsub().publish("d", "second".getBytes()));
    await().until(() -> atA.texts().contains("second"));
    assertThat(atA.texts()).containsExactly("first", "second");
  }
}
