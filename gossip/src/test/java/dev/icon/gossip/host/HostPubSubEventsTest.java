package dev.icon.gossip.host;

import static dev.icon.gossip.host.GossipNodes.await;
import static dev.icon.gossip.host.GossipNodes.awaitTopicPeer;
import static dev.icon.gossip.host.GossipNodes.connect;
import static dev.icon.gossip.host.GossipNodes.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.gossip.api.GossipListener;
import dev.icon.gossip.api.Registration;
import dev.icon.gossip.host.GossipNodes.Inbox;
import dev.icon.gossip.host.GossipNodes.Node;
import dev.icon.gossip.wire.SignaturePolicy;
import dev.icon.gossip.wire.StandardMessageIdFunction;
import dev.icon.overlay.identity.PeerId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HostPubSubEventsTest {
  private final GossipNodes nodes = new GossipNodes();

  @AfterEach
  void stop() {
    nodes.close();
  }

  @Test
  void listenersHearSubscriptionsGraftsAndPrunesUntilRemoved() {
    Node a = nodes.start();
    Node b = nodes.start();
    List<String> events = new CopyOnWriteArrayList<>();
    Registration reg = a.pubsub().addListener(new GossipListener() {
      @Override
      public void grafted(String topic, PeerId peer) {
        events.add("graft " + topic + " " + peer.equals(b.id()));
      }

      @Override
      public void pruned(String topic, PeerId peer) {
        events.add("prune " + topic + " " + peer.equals(b.id()));
      }

      @Override
      public void peerSubscribed(String topic, PeerId peer) {
        events.add("sub " + topic + " " + peer.equals(b.id()));
      }

      @Override
      public void peerUnsubscribed(String topic, PeerId peer) {
        events.add("unsub " + topic + " " + peer.equals(b.id()));
      }
    });
    a.pubsub().subscribe("e", m -> {});
    var sub = b.pubsub().subscribe("e", m -> {});
    connect(a, b);

    await().until(() -> events.contains("sub e true") && events.contains("graft e true"));
    sub.close();
    await().until(() -> events.contains("unsub e true") && events.contains("prune e true"));
    reg.close();
    int before = events.size();
    b.pubsub().subscribe("e2", m -> {});
    a.pubsub().subscribe("e2", m -> {});
    awaitTopicPeer(a, "e2", b);
    assertThat(events).hasSize(before);
  }

  @Test
  void strictNoSignMessagesArriveWithoutAuthorOrSeqno() {
    Node a = nodes.start(x -> x.signaturePolicy(SignaturePolicy.STRICT_NO_SIGN)
        .messageIdFunction(StandardMessageIdFunction.SHA256_DATA));
    Node b = nodes.start(x -> x.signaturePolicy(SignaturePolicy.STRICT_NO_SIGN)
        .messageIdFunction(StandardMessageIdFunction.SHA256_DATA));
    Inbox atB = new Inbox();
    b.pubsub().subscribe("anon", atB::add);
    connect(a, b);
    awaitTopicPeer(a, "anon", b);

    get(a.pubsub().publish("anon", "nobody".getBytes()));

    await().until(() -> atB.messages.size() == 1);
    assertThat(atB.messages.peek().from()).isNull();
    assertThat(atB.messages.peek().seqno()).isNull();
    assertThat(atB.messages.peek().receivedFrom()).isEqualTo(a.id());
  }
}
