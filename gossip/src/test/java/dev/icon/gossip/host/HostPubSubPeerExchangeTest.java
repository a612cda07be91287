package dev.icon.gossip.host;

import static dev.icon.gossip.host.GossipNodes.await;
import static dev.icon.gossip.host.GossipNodes.connect;
import static dev.icon.gossip.host.GossipNodes.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.gossip.api.Subscription;
import dev.icon.gossip.host.GossipNodes.Node;
import dev.icon.overlay.api.DhtMode;
import dev.icon.overlay.identity.PeerId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Joining through gossipsub peer exchange and the DHT: a newcomer that knows only a hub is pruned
 * with PX when the hub leaves the topic; the PX entries carry peer ids only, so the newcomer finds
 * their addresses through the DHT (the hub's table) and dials them, and ends with the topic's
 * other peers as its own topic peers.
 */
class HostPubSubPeerExchangeTest {
  private static final String TOPIC = "join";
  private final GossipNodes nodes = new GossipNodes();

  @AfterEach
  void stop() {
    nodes.close();
  }

  @Test
  void aNewcomerPrunedWithPxFindsTheNamedPeersThroughTheDhtAndDialsThem() {
    Node hub = nodes.start(b -> b.config(b.settings().config().toBuilder().doPx(true).build()),
        DhtMode.SERVER);
    List<Node> members = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Node m = nodes.start(b -> b, DhtMode.SERVER);
      m.pubsub().subscribe(TOPIC, msg -> { });
      connect(m, hub);
      members.add(m);
    }
    Subscription hubSubscription = hub.pubsub().subscribe(TOPIC, msg -> { });
    // A DHT client that never bootstraps: its table holds only the hub (learnt from identify).
    Node newcomer = nodes.start(b -> b, DhtMode.CLIENT);
    newcomer.pubsub().subscribe(TOPIC, msg -> { });
    connect(newcomer, hub);
    await().until(() -> get(newcomer.pubsub().meshPeers(TOPIC)).contains(hub.id())
        && get(hub.pubsub().topicPeers(TOPIC)).size() == 5);
    for (Node m : members) {
      assertThat(newcomer.host().peerStore().addresses(m.id())).isEmpty();
    }

    hubSubscription.close();

    List<PeerId> memberIds = members.stream().map(Node::id).toList();
    await().until(() -> memberIds.stream()
        .allMatch(id -> !newcomer.host().connections(id).isEmpty()));
    await().until(() -> get(newcomer.pubsub().topicPeers(TOPIC)).containsAll(memberIds));
  }
}
