package dev.icon.gossip.core;

import static dev.icon.gossip.core.Rpcs.graft;
import static dev.icon.gossip.core.Rpcs.joinMesh;
import static dev.icon.gossip.core.Rpcs.prune;
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
import dev.icon.overlay.identity.PeerId;
import dev.icon.proto.libp2p.pubsub.ControlPrune;
import dev.icon.proto.libp2p.pubsub.PeerInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Peer exchange (v1.1 PX): candidates in our PRUNEs, and candidates from received PRUNEs. */
class GossipRouterPeerExchangeTest {
  private static final String T = "t";

  private final List<String> pxTopics = new ArrayList<>();
  private final List<PeerExchange.Candidate> received = new ArrayList<>();
  private final PeerExchange sink = (topic, candidates) -> {
    pxTopics.add(topic);
    received.addAll(candidates);
  };

  private static InMemoryGossipNetwork net(UnaryOperator<GossipConfig> tweak) {
    return new InMemoryGossipNetwork(tweak.apply(GossipConfig.forTests()), 21);
  }

  private static GossipConfig doPx(GossipConfig c) {
    return c.toBuilder().doPx(true).build();
  }

  private static List<PeerId> pxOf(ControlPrune p) {
    return p.getPeersList().stream().map(i -> PeerId.fromBytes(i.getPeerID().toByteArray())).toList();
  }

  /** Connects {@code n} external peers subscribed to T (not grafted). */
  private static List<Node> topicPeers(InMemoryGossipNetwork net, Node r, int n) {
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
  void pxIsOffByDefaultAndPrunePeersDefaultsTo16() {
    assertThat(GossipConfig.defaults().doPx()).isFalse();
    assertThat(GossipConfig.defaults().prunePeers()).isEqualTo(16);
    InMemoryGossipNetwork net = net(UnaryOperator.identity());
    Node r = net.addRouter();
    r.router.subscribe(T);
    Node a = net.addExternal();
    joinMesh(net, r, a, T);
    topicPeers(net, r, 3);

    r.router.unsubscribe(T);
    net.pump();

    assertThat(prunes(a)).singleElement().satisfies(p -> assertThat(p.getPeersList()).isEmpty());
  }

  @Test
  void anUnsubscribePruneCarriesOtherTopicPeersBoundedByPrunePeers() {
    InMemoryGossipNetwork net = net(c -> c.toBuilder().doPx(true).prunePeers(3).build());
    Node r = net.addRouter();
    r.router.subscribe(T);
    Node a = net.addExternal();
    joinMesh(net, r, a, T);
    List<PeerId> others = topicPeers(net, r, 5).stream().map(n -> n.id).toList();

    r.router.unsubscribe(T);
    net.pump();

    ControlPrune p = prunes(a).get(0);
    assertThat(pxOf(p)).hasSize(3).doesNotContain(a.id).isSubsetOf(others);
    assertThat(p.getPeersList()).allSatisfy(i -> assertThat(i.hasSignedPeerRecord()).isFalse());
  }

  @Test
  void aRefusedGraftIsAnsweredWithPx() {
    InMemoryGossipNetwork net = net(c -> doPx(c.toBuilder()
        .d(2).dLow(1).dHigh(2).dScore(1).dOut(0).dLazy(2).build()));
    Node r = net.addRouter();
    r.router.subscribe(T);
    List<Node> members = topicPeers(net, r, 2);
    members.forEach(m -> m.send(r, graft(T)));
    Node late = net.addExternal();
    net.connect(late, r); // inbound: refused once the mesh holds dHigh
    late.send(r, subscribe(T));
    late.send(r, graft(T));
    net.pump();

    assertThat(r.router.meshPeers(T)).doesNotContain(late.id);
    assertThat(prunes(late)).singleElement()
        .satisfies(p -> assertThat(pxOf(p)).containsExactlyInAnyOrder(members.get(0).id,
            members.get(1).id));
  }

  @Test
  void negativeScorePeersGetNoPxAndAreNotOffered() {
    PeerScoreParams p4 = PeerScoreParams.disabled().toBuilder()
        .topic(T, TopicScoreParams.disabled().toBuilder().topicWeight(1)
            .invalidMessageDeliveriesWeight(-10).build())
        .build();
    InMemoryGossipNetwork net = net(GossipRouterPeerExchangeTest::doPx);
    Node r = net.addRouter(o -> o.withScoring(p4, PeerScoreThresholds.defaults()));
    r.router.subscribe(T);
    Node good = net.addExternal();
    Node evil = net.addExternal();
    joinMesh(net, r, good, T);
    joinMesh(net, r, evil, T);
    Node bystander = topicPeers(net, r, 1).get(0);
    evil.send(r, publish(signed(evil, T, "x", 1).toBuilder()
        .setData(ByteString.copyFromUtf8("forged")).build()));
    net.pump();
    assertThat(r.router.score(evil.id)).isNegative();

    r.router.unsubscribe(T);
    net.pump();

    assertThat(pxOf(prunes(good).get(0))).containsExactlyInAnyOrder(bystander.id);
    assertThat(prunes(evil).get(0).getPeersList()).as("no PX for a negative peer").isEmpty();
  }

  @Test
  void pxFromAPeerAtTheAcceptThresholdReachesTheSeamBoundedAndFiltered() {
    InMemoryGossipNetwork net = net(c -> c.toBuilder().prunePeers(3).build());
    Node[] trusted = new Node[1];
    PeerScoreParams app = PeerScoreParams.disabled().toBuilder().appSpecificWeight(1)
        .appSpecificScore(p -> p.equals(trusted[0].id) ? 10 : 0).build();
    Node r = net.addRouter(o -> o.withScoring(app, PeerScoreThresholds.defaults()),
        GossipRouterListener.NONE, MessageValidation.ACCEPT_ALL, sink);
    trusted[0] = net.addExternal();
    r.router.subscribe(T);
    joinMesh(net, r, trusted[0], T);
    Node connected = topicPeers(net, r, 1).get(0);
    PeerId fresh = net.addExternal().id;

    trusted[0].send(r, prune(ControlPrune.newBuilder().setTopicID(T).setBackoff(60)
        .addPeers(info(fresh, new byte[] {9}))
        .addPeers(info(r.id, null))
        .addPeers(info(connected.id, null))
        .addPeers(PeerInfo.newBuilder().setPeerID(ByteString.copyFromUtf8("garbage")))
        .build()));
    net.pump();

    assertThat(pxTopics).containsExactly(T);
    assertThat(received).singleElement().satisfies(c -> {
      assertThat(c.peer()).isEqualTo(fresh);
      assertThat(c.signedPeerRecord()).containsExactly(9);
    });
  }

  @Test
  void pxFromAPeerBelowTheAcceptThresholdIsIgnored() {
    InMemoryGossipNetwork net = net(UnaryOperator.identity());
    Node r = net.addRouter(o -> o.withScoring(PeerScoreParams.disabled(),
            PeerScoreThresholds.defaults()), // score 0 < acceptPXThreshold 10
        GossipRouterListener.NONE, MessageValidation.ACCEPT_ALL, sink);
    r.router.subscribe(T);
    Node stranger = net.addExternal();
    joinMesh(net, r, stranger, T);

    stranger.send(r, prune(ControlPrune.newBuilder().setTopicID(T)
        .addPeers(info(net.addExternal().id, null)).build()));
    net.pump();

    assertThat(r.router.meshPeers(T)).as("the PRUNE itself is honoured").isEmpty();
    assertThat(received).isEmpty();
  }

  @Test
  void aPruneForATopicWeAreNotInIsIgnoredPxIncluded() {
    InMemoryGossipNetwork net = net(UnaryOperator.identity());
    Node r = net.addRouter(o -> o, GossipRouterListener.NONE, MessageValidation.ACCEPT_ALL, sink);
    r.router.subscribe(T);
    Node peer = net.addExternal();
    joinMesh(net, r, peer, T);
    peer.send(r, subscribe("other"));

    peer.send(r, prune(ControlPrune.newBuilder().setTopicID("other").setBackoff(3600)
        .addPeers(info(net.addExternal().id, null)).build()));
    net.pump();
    r.router.subscribe("other");
    net.pump();

    assertThat(received).isEmpty();
    assertThat(r.router.meshPeers("other")).as("no backoff was recorded for the unknown topic")
        .containsExactly(peer.id);
  }

  private static PeerInfo info(PeerId peer, byte[] record) {
    PeerInfo.Builder b = PeerInfo.newBuilder().setPeerID(ByteString.copyFrom(peer.toBytes()));
    if (record != null) {
      b.setSignedPeerRecord(ByteString.copyFrom(record));
    }
    return b.build();
  }
}
