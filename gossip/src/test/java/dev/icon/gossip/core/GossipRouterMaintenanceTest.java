package dev.icon.gossip.core;

import static dev.icon.gossip.core.Rpcs.graft;
import static dev.icon.gossip.core.Rpcs.messages;
import static dev.icon.gossip.core.Rpcs.publish;
import static dev.icon.gossip.core.Rpcs.signed;
import static dev.icon.gossip.core.Rpcs.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.icon.gossip.core.InMemoryGossipNetwork.Node;
import dev.icon.gossip.router.GossipConfig;
import dev.icon.gossip.score.PeerScoreParams;
import dev.icon.gossip.score.PeerScoreThresholds;
import dev.icon.gossip.score.TopicScoreParams;
import dev.icon.overlay.identity.PeerId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Fanout TTL, flood publishing against the publish threshold, opportunistic grafting. */
class GossipRouterMaintenanceTest {
  private static final String T = "t";

  private static List<Node> subscribers(InMemoryGossipNetwork net, Node r, int n) {
    List<Node> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Node e = net.addExternal();
      net.connect(e, r);
      e.send(r, subscribe(T));
      out.add(e);
    }
    net.pump();
    return out;
  }

  @Test
  void fanoutStateIsForgottenFanoutTtlAfterTheLastPublish() {
    InMemoryGossipNetwork net = new InMemoryGossipNetwork(
        GossipConfig.forTests().toBuilder().floodPublish(false).build(), 41);
    Node r = net.addRouter();
    subscribers(net, r, 8);

    r.router.publish(T, new byte[] {1});
    assertThat(r.router.fanoutPeers(T)).hasSize(net.config.d());
    int beats = (int) (net.config.fanoutTtl().toMillis() / net.config.heartbeatInterval().toMillis());
    net.heartbeats(beats - 1);
    assertThat(r.router.fanoutPeers(T)).as("alive within the TTL").hasSize(net.config.d());
    net.heartbeats(2);
    assertThat(r.router.fanoutPeers(T)).as("expired after the TTL").isEmpty();
  }

  @Test
  void floodPublishReachesEveryTopicPeerAboveThePublishThresholdOnly() {
    PeerScoreParams p4 = PeerScoreParams.disabled().toBuilder()
        .topic(T, TopicScoreParams.disabled().toBuilder().topicWeight(1)
            .invalidMessageDeliveriesWeight(-10).build())
        .build();
    InMemoryGossipNetwork net = new InMemoryGossipNetwork(GossipConfig.forTests(), 42);
    Node r = net.addRouter(o -> o.withScoring(p4, PeerScoreThresholds.defaults()));
    r.router.subscribe(T);
    List<Node> peers = subscribers(net, r, 10);
    Node bad = peers.get(0);
    for (int i = 0; i < 3; i++) { // -90: below the publish threshold (-50)
      bad.send(r, publish(signed(bad, T, "x", i).toBuilder()
          .setData(ByteString.copyFromUtf8("forged" + i)).build()));
    }
    net.pump();
    net.heartbeats(1);
    assertThat(r.router.meshPeers(T)).hasSizeLessThan(9);

    PublishResult result = r.router.publish(T, new byte[] {7});
    net.pump();

    assertThat(result.peers()).isEqualTo(9);
    assertThat(messages(bad)).isEmpty();
    for (Node n : peers.subList(1, peers.size())) {
      assertThat(messages(n)).as("flood publish beyond the mesh").hasSize(1);
    }
  }

  @Test
  void opportunisticGraftingAddsBetterPeersWhenTheMeshMedianIsLow() {
    Set<PeerId> good = new HashSet<>();
    PeerScoreParams app = PeerScoreParams.disabled().toBuilder().appSpecificWeight(1)
        .appSpecificScore(p -> good.contains(p) ? 20 : 0).build();
    InMemoryGossipNetwork net = new InMemoryGossipNetwork(
        GossipConfig.forTests().toBuilder().opportunisticGraftTicks(3).build(), 43);
    Node r = net.addRouter(o -> o.withScoring(app, PeerScoreThresholds.defaults()));
    r.router.subscribe(T);
    List<Node> mediocre = subscribers(net, r, net.config.d());
    mediocre.forEach(m -> m.send(r, graft(T)));
    net.pump();
    List<Node> better = subscribers(net, r, 3);
    better.forEach(b -> good.add(b.id));

    net.heartbeats(2);
    assertThat(r.router.meshPeers(T)).as("mesh at D: no regular graft")
        .hasSize(net.config.d());
    net.heartbeats(1);

    Set<PeerId> mesh = r.router.meshPeers(T);
    long grafted = better.stream().filter(b -> mesh.contains(b.id)).count();
    assertThat(grafted).isEqualTo(net.config.opportunisticGraftPeers());
  }
}
