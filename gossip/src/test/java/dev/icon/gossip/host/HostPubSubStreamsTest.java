package dev.icon.gossip.host;

import static dev.icon.gossip.host.GossipNodes.await;
import static dev.icon.gossip.host.GossipNodes.awaitTopicPeer;
import static dev.icon.gossip.host.GossipNodes.connect;
import static dev.icon.gossip.host.GossipNodes.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.gossip.host.GossipNodes.Inbox;
import dev.icon.gossip.host.GossipNodes.Node;
import dev.icon.gossip.router.GossipConfig;
import dev.icon.overlay.api.Stream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HostPubSubStreamsTest {
  private final GossipNodes nodes = new GossipNodes();

  @AfterEach
  void stop() {
    nodes.close();
  }

  private static PubsubStreams streams(Node n) {
    return ((HostPubSub) n.pubsub()).streams();
  }

  @Test
  void aResetOutboundStreamIsReopenedWhileTheConnectionLives() {
    Node a = nodes.start();
    Node b = nodes.start();
    Inbox atB = new Inbox();
    b.pubsub().subscribe("t", atB::add);
    connect(a, b);
    awaitTopicPeer(a, "t", b);
    Stream first = streams(a).outbound(b.id());

    first.reset();

    await().until(() -> streams(a).outbound(b.id()) != null
        && streams(a).outbound(b.id()) != first);
    get(a.pubsub().publish("t", "after reset".getBytes()));
    await().until(() -> atB.texts().contains("after reset"));
    assertThat(((HostPubSub) a.pubsub()).peers()).containsExactly(b.id());
  }

  @Test
  void subscriptionsTooLargeForOneRpcAreSplitSoThePeerAcceptsThemAll() {
    GossipConfig small = GossipConfig.forTests().toBuilder().maxMessageSize(1000).build();
    Node a = nodes.start(x -> x.config(small));
    Node b = nodes.start(x -> x.config(small));
    List<String> topics = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String topic = ("topic-" + i + "-").repeat(20);
      topics.add(topic);
      a.pubsub().subscribe(topic, m -> {});
    }

    connect(a, b);

    for (String topic : topics) {
      await().until(() -> get(b.pubsub().topicPeers(topic)).contains(a.id()));
    }
    assertThat(b.meter("icon.gossip.frames.malformed")).isZero();
    assertThat(a.meter("icon.gossip.rpc.sent")).isGreaterThanOrEqualTo(6.0);
  }
}
