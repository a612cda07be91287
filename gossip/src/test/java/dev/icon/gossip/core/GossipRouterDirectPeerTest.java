package dev.icon.gossip.core;

import static dev.icon.gossip.core.Rpcs.graft;
import static dev.icon.gossip.core.Rpcs.grafts;
import static dev.icon.gossip.core.Rpcs.joinMesh;
import static dev.icon.gossip.core.Rpcs.messages;
import static dev.icon.gossip.core.Rpcs.prunes;
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
import org.junit.jupiter.api.Test;

/** Direct (explicit) peers, gossipsub v1.1: outside the mesh, always sent our topics' messages. */
class GossipRouterDirectPeerTest {
  private static final String T = "t";

  private final InMemoryGossipNetwork net = new InMemoryGossipNetwork(
      GossipConfig.forTests().toBuilder().floodPublish(false).build(), 31);

  private Node connectedSubscriber(Node r) {
    Node n = net.addExternal();
    net.connect(n, r);
    n.send(r, subscribe(T));
    net.pump();
    return n;
  }

  @Test
  void aDirectPeerIsNeverGraftedYetGetsOurPublishesAndForwards() {
    Node r = net.addRouter();
    r.router.subscribe(T);
    Node direct = net.addExternal();
    r.router.addDirectPeer(direct.id);
    net.connect(direct, r);
    direct.send(r, subscribe(T));
    Node meshPeer = net.addExternal();
    joinMesh(net, r, meshPeer, T);
    net.heartbeats(3);

    assertThat(grafts(direct)).isEmpty();
    assertThat(r.router.meshPeers(T)).containsExactly(meshPeer.id);
    assertThat(r.router.directPeers()).containsExactly(direct.id);

    PublishResult own = r.router.publish(T, new byte[] {1});
    meshPeer.send(r, publish(signed(meshPeer, T, "relay me", 1)));
    net.pump();

    assertThat(own.peers()).isEqualTo(2);
    assertThat(messages(direct)).extracting(m -> m.getData().toStringUtf8())
        .containsExactly("\u0001", "relay me");
  }

  @Test
  void aGraftFromADirectPeerIsAnsweredWithPruneAndNoPenalty() {
    PeerScoreParams p7 = PeerScoreParams.disabled().toBuilder()
        .behaviourPenaltyWeight(-10).behaviourPenaltyThreshold(0).build();
    Node r = net.addRouter(o -> o.withScoring(p7, PeerScoreThresholds.defaults()));
    r.router.subscribe(T);
    Node direct = net.addExternal();
    r.router.addDirectPeer(direct.id);
    net.connect(direct, r);
    direct.send(r, subscribe(T));
    direct.send(r, graft(T));
    direct.send(r, graft(T));
    net.pump();

    assertThat(r.router.meshPeers(T)).isEmpty();
    assertThat(prunes(direct)).hasSize(2)
        .allSatisfy(p -> assertThat(p.getPeersList()).as("no PX").isEmpty());
    assertThat(r.router.score(direct.id)).isZero();
  }

  @Test
  void aMeshPeerMadeDirectLeavesTheMeshWithAPruneAndReturnsWhenNoLongerDirect() {
    Node r = net.addRouter();
    r.router.subscribe(T);
    Node peer = net.addExternal();
    joinMesh(net, r, peer, T);

    r.router.addDirectPeer(peer.id);
    net.pump();
    assertThat(r.router.meshPeers(T)).isEmpty();
    assertThat(prunes(peer)).hasSize(1);

    net.heartbeats(2);
    assertThat(r.router.meshPeers(T)).isEmpty();
    r.router.removeDirectPeer(peer.id);
    net.clock.advance(net.config.pruneBackoff());
    net.heartbeats(1);
    assertThat(r.router.meshPeers(T)).containsExactly(peer.id);
  }

  @Test
  void aDirectPeerIsExemptFromGraylisting() {
    PeerScoreParams p4 = PeerScoreParams.disabled().toBuilder()
        .topic(T, TopicScoreParams.disabled().toBuilder().topicWeight(1)
            .invalidMessageDeliveriesWeight(-10).build())
        .build();
    Node r = net.addRouter(o -> o.withScoring(p4, PeerScoreThresholds.defaults()));
    r.router.subscribe(T);
    Node direct = net.addExternal();
    Node stranger = connectedSubscriber(r);
    r.router.addDirectPeer(direct.id);
    net.connect(direct, r);
    direct.send(r, subscribe(T));
    for (Node n : new Node[] {direct, stranger}) {
      for (int i = 0; i < 3; i++) {
        n.send(r, publish(signed(n, T, "x", i).toBuilder()
            .setData(ByteString.copyFromUtf8("forged " + i)).build()));
      }
    }
    net.pump();
    assertThat(r.router.score(direct.id)).isLessThan(PeerScoreThresholds.defaults().graylistThreshold());

    direct.send(r, publish(signed(direct, T, "still heard", 10)));
    stranger.send(r, publish(signed(stranger, T, "not heard", 10)));
    net.pump();

    assertThat(r.delivered).extracting(d -> d.msg().getData().toStringUtf8())
        .containsExactly("still heard");
  }

  @Test
  void directPeersGetNoIhave() {
    Node r = net.addRouter();
    r.router.subscribe(T);
    Node direct = net.addExternal();
    r.router.addDirectPeer(direct.id);
    net.connect(direct, r);
    direct.send(r, subscribe(T));
    Node other = connectedSubscriber(r);
    net.pump();
    net.heartbeats(1);
    other.send(r, publish(signed(other, T, "m", 1)));
    net.pump();
    net.heartbeats(1);

    assertThat(direct.inbox).noneMatch(rpc -> rpc.hasControl()
        && rpc.getControl().getIhaveCount() > 0);
    assertThat(messages(direct)).hasSize(1);
  }
}
