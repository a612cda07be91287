package dev.icon.gossip.host;

import static dev.icon.gossip.host.GossipNodes.await;
import static dev.icon.gossip.host.GossipNodes.awaitTopicPeer;
import static dev.icon.gossip.host.GossipNodes.connect;
import static dev.icon.gossip.host.GossipNodes.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.gossip.api.GossipMessage;
import dev.icon.gossip.api.PublishOutcome;
import dev.icon.gossip.api.Subscription;
import dev.icon.gossip.host.GossipNodes.Inbox;
import dev.icon.gossip.host.GossipNodes.Node;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HostPubSubTest {
  private final GossipNodes nodes = new GossipNodes();

  @AfterEach
  void stop() {
    nodes.close();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void twoNodesExchangeMessagesInBothDirections() {
    Node a = nodes.start();
    Node b = nodes.start();
    Inbox atA = new Inbox();
    Inbox atB = new Inbox();
    a.pubsub().subscribe("t", atA::add);
    b.pubsub().subscribe("t", atB::add);
    connect(a, b);
    awaitTopicPeer(a, "t", b);
    awaitTopicPeer(b, "t", a);

    PublishOutcome out = get(a.pubsub().publish("t", utf8("from a")));
    get(b.pubsub().publish("t", utf8("from b")));

    assertThat(out.recipients()).isEqualTo(1);
    await().until(() -> atB.messages.size() == 1 && atA.messages.size() == 1);
    GossipMessage m = atB.messages.peek();
    assertThat(new String(m.data(), StandardCharsets.UTF_8)).isEqualTo("from a");
    assertThat(m.from()).isEqualTo(a.id());
    assertThat(m.receivedFrom()).isEqualTo(a.id());
    assertThat(m.seqno()).hasSize(8);
    assertThat(m.id()).isEqualTo(out.id());
    assertThat(atA.texts()).containsExactly("from b");
  }

  @Test
  void threeNodeChainRelaysThroughTheMiddle() {
    Node a = nodes.start();
    Node mid = nodes.start();
    Node c = nodes.start();
    Inbox atC = new Inbox();
    Inbox atMid = new Inbox();
    a.pubsub().subscribe("chain", m -> {});
    mid.pubsub().subscribe("chain", atMid::add);
    c.pubsub().subscribe("chain", atC::add);
    connect(a, mid);
    connect(mid, c);
    awaitTopicPeer(a, "chain", mid);
    await().until(() -> get(mid.pubsub().meshPeers("chain")).contains(c.id()));

    get(a.pubsub().publish("chain", utf8("relay me")));

    await().until(() -> atC.messages.size() == 1);
    assertThat(atC.messages.peek().from()).isEqualTo(a.id());
    assertThat(atC.messages.peek().receivedFrom()).isEqualTo(mid.id());
    assertThat(atMid.texts()).containsExactly("relay me");
    assertThat(a.host().connections(c.id())).isEmpty();
  }

  @Test
  void cancellingTheLastSubscriptionStopsDeliveryAndLeavesTheTopic() {
    Node a = nodes.start();
    Node b = nodes.start();
    Inbox first = new Inbox();
    Inbox second = new Inbox();
    Subscription s1 = b.pubsub().subscribe("t", first::add);
    Subscription s2 = b.pubsub().subscribe("t", second::add);
    connect(a, b);
    awaitTopicPeer(a, "t", b);

    s1.close();
    get(a.pubsub().publish("t", utf8("one")));
    await().until(() -> second.messages.size() == 1);
    assertThat(first.messages).isEmpty();
    assertThat(b.pubsub().topics()).containsExactly("t");

    s2.close();
    s2.close();
    assertThat(b.pubsub().topics()).isEmpty();
    await().until(() -> !get(a.pubsub().topicPeers("t")).contains(b.id()));
    assertThat(second.texts()).containsExactly("one");
  }

  @Test
  void closeLeavesTopicsUnregistersProtocolsAndKeepsTheHostUp() {
    Node a = nodes.start();
    Node b = nodes.start();
    b.pubsub().subscribe("t", m -> {});
    connect(a, b);
    awaitTopicPeer(a, "t", b);
    assertThat(b.host().protocols()).contains("/meshsub/1.2.0", "/floodsub/1.0.0");

    b.pubsub().close();
    b.pubsub().close();

    assertThat(b.host().protocols()).doesNotContain("/meshsub/1.2.0", "/meshsub/1.1.0",
        "/meshsub/1.0.0", "/floodsub/1.0.0");
    assertThat(b.pubsub().topics()).isEmpty();
    await().until(() -> !get(a.pubsub().topicPeers("t")).contains(b.id()));
    await().until(() -> ((HostPubSub) a.pubsub()).peers().isEmpty());
    assertThat(get(b.host().ping(a.id()))).isNotNull();
  }

  @Test
  void nodesConnectedBeforeStartStillPair() {
    var keyA = dev.icon.overlay.identity.PrivateKey.generateEd25519();
    var hostA = nodes.host(keyA);
    Node b = nodes.start();
    get(hostA.dial(b.addr()));
    Inbox atB = new Inbox();
    b.pubsub().subscribe("late", atB::add);
    var pa = dev.icon.gossip.api.GossipBuilder.on(hostA).identity(keyA)
        .config(dev.icon.gossip.router.GossipConfig.forTests()).build();
    try {
      await().until(() -> get(pa.topicPeers("late")).contains(b.id()));
      get(pa.publish("late", utf8("hello")));
      await().until(() -> atB.texts().equals(List.of("hello")));
    } finally {
      pa.close();
    }
  }
}
