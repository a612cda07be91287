package dev.icon.gossip.host;

import static dev.icon.gossip.host.GossipNodes.await;
import static dev.icon.gossip.host.GossipNodes.awaitTopicPeer;
import static dev.icon.gossip.host.GossipNodes.connect;
import static dev.icon.gossip.host.GossipNodes.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.gossip.host.GossipNodes.Node;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HostPubSubMetricsTest {
  private final GossipNodes nodes = new GossipNodes();

  @AfterEach
  void stop() {
    nodes.close();
  }

  @Test
  void countersAndGaugesFollowTheTraffic() {
    Node a = nodes.start();
    Node b = nodes.start();
    Node c = nodes.start();
    for (Node n : new Node[] {a, b, c}) {
      n.pubsub().subscribe("t", m -> {});
    }
    connect(a, b);
    connect(b, c);
    connect(a, c);
    awaitTopicPeer(a, "t", b);
    awaitTopicPeer(a, "t", c);
    await().until(() -> get(b.pubsub().meshPeers("t")).size() == 2
        && get(c.pubsub().meshPeers("t")).size() == 2);

    for (int i = 0; i < 5; i++) {
      get(a.pubsub().publish("t", ("m" + i).getBytes()));
    }

    await().until(() -> b.meter("icon.gossip.messages.delivered") == 5.0
        && c.meter("icon.gossip.messages.delivered") == 5.0);
    assertThat(a.meter("icon.gossip.messages.published")).isEqualTo(5.0);
    assertThat(a.meter("icon.gossip.messages.delivered")).isZero();
    await().until(() -> b.meter("icon.gossip.messages.duplicate")
        + c.meter("icon.gossip.messages.duplicate") >= 1.0);
    assertThat(a.meter("icon.gossip.peers")).isEqualTo(2.0);
    await().until(() -> b.meter("icon.gossip.mesh.peers") == 2.0);
    assertThat(b.registry().find("icon.gossip.mesh.peers").tag("topic", "t").gauge()).isNotNull();
    for (String name : new String[] {"rpc.sent", "rpc.received", "bytes.sent", "bytes.received"}) {
      assertThat(a.meter("icon.gossip." + name)).as(name).isPositive();
    }
    assertThat(a.meter("icon.gossip.bytes.sent")).isGreaterThan(a.meter("icon.gossip.rpc.sent"));
    assertThat(a.meter("icon.gossip.frames.dropped")).isZero();
    assertThat(a.meter("icon.gossip.frames.malformed")).isZero();

    a.pubsub().close();
    assertThat(a.registry().find("icon.gossip.messages.published").counter()).isNull();
    await().until(() -> b.meter("icon.gossip.peers") == 1.0);
  }

  @Test
  void metersUseTheConfiguredPrefix() {
    Node a = nodes.start(b -> b.settings(new dev.icon.gossip.api.GossipSettings(
        b.settings().config(), b.settings().scoreParams(), b.settings().thresholds(),
        b.settings().signaturePolicy(), b.settings().idFunction(), b.settings().directPeers(),
        true, b.settings().validationTimeout(), b.settings().maxTopics(), true, "node.pubsub")));

    get(a.pubsub().publish("t", new byte[] {1}));

    assertThat(a.meter("node.pubsub.messages.published")).isEqualTo(1.0);
    assertThat(a.registry().find("icon.gossip.messages.published").counter()).isNull();
  }
}
