package dev.icon.gossip.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.icon.gossip.api.MessageId;
import dev.icon.gossip.core.InMemoryGossipNetwork.Node;
import dev.icon.gossip.router.GossipConfig;
import dev.icon.gossip.score.PeerScoreParams;
import dev.icon.gossip.score.PeerScoreThresholds;
import dev.icon.proto.libp2p.pubsub.ControlIHave;
import dev.icon.proto.libp2p.pubsub.ControlIWant;
import dev.icon.proto.libp2p.pubsub.ControlMessage;
import dev.icon.proto.libp2p.pubsub.RPC;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lazy push and publishing paths: IWANT serving limits, IWANT promises, fanout, IHAVE emission. */
class GossipRouterGossipTest {
  private static final String T = "t";

  private final InMemoryGossipNetwork net = new InMemoryGossipNetwork(
      GossipConfig.forTests().toBuilder().floodPublish(false).build(), 9);

  private static RPC subscribe(String topic) {
    return RPC.newBuilder()
        .addSubscriptions(RPC.SubOpts.newBuilder().setSubscribe(true).setTopicid(topic)).build();
  }

  private static RPC iwant(MessageId id) {
    return RPC.newBuilder().setControl(ControlMessage.newBuilder().addIwant(
        ControlIWant.newBuilder().addMessageIDs(ByteString.copyFrom(id.toBytes())))).build();
  }

  private static RPC ihave(String topic, MessageId id) {
    return RPC.newBuilder().setControl(ControlMessage.newBuilder().addIhave(ControlIHave.newBuilder()
        .setTopicID(topic).addMessageIDs(ByteString.copyFrom(id.toBytes())))).build();
  }

  private static long publishes(Node ext) {
    return ext.inbox.stream().mapToLong(RPC::getPublishCount).sum();
  }

  private static List<ControlIHave> ihaves(Node ext) {
    return ext.inbox.stream().filter(RPC::hasControl)
        .flatMap(r -> r.getControl().getIhaveList().stream()).toList();
  }

  @Test
  void iwantIsServedFromTheCacheWithinTheRetransmissionLimit() {
    Node router = net.addRouter();
    Node asker = net.addExternal();
    net.connect(asker, router);
    PublishResult result = router.router.publish(T, "cached".getBytes(StandardCharsets.UTF_8));
    assertThat(result.peers()).as("nobody subscribed yet").isZero();

    for (int i = 0; i < net.config.gossipRetransmission() + 2; i++) {
      asker.send(router, iwant(result.id()));
    }
    net.pump();

    assertThat(publishes(asker)).isEqualTo(net.config.gossipRetransmission());
  }

  @Test
  void aBrokenIwantPromiseIsPenalized() {
    PeerScoreParams params = PeerScoreParams.disabled().toBuilder()
        .behaviourPenaltyWeight(-10).behaviourPenaltyThreshold(0).build();
    Node router = net.addRouter(o -> o.withScoring(params, PeerScoreThresholds.defaults()));
    Node liar = net.addExternal();
    router.router.subscribe(T);
    net.connect(liar, router);
    MessageId phantom = MessageId.of(new byte[] {1, 2, 3});

    liar.send(router, ihave(T, phantom));
    net.pump();
    List<ControlIWant> asked = liar.inbox.stream().filter(RPC::hasControl)
        .flatMap(r -> r.getControl().getIwantList().stream()).toList();
    assertThat(asked).singleElement().satisfies(w ->
        assertThat(w.getMessageIDsList()).containsExactly(ByteString.copyFrom(phantom.toBytes())));
    assertThat(router.router.score(liar.id)).isZero();

    net.clock.advance(net.config.iwantFollowupTime());
    net.heartbeats(1);
    assertThat(router.router.score(liar.id)).isNegative();
  }

  @Test
  void publishingToAnUnsubscribedTopicUsesFanoutOfDPeers() {
    Node publisher = net.addRouter();
    for (int i = 0; i < 10; i++) {
      Node sub = net.addRouter();
      net.connect(publisher, sub);
      sub.router.subscribe(T);
    }
    net.pump();

    PublishResult first = publisher.router.publish(T, new byte[] {1});
    PublishResult second = publisher.router.publish(T, new byte[] {2});
    net.pump();

    assertThat(first.peers()).isEqualTo(net.config.d());
    assertThat(second.peers()).isEqualTo(net.config.d());
    long direct = net.nodes.stream().filter(n -> n.deliveredCount(first.id()) == 1
        && n.delivered.stream().anyMatch(d -> d.from().equals(publisher.id))).count();
    assertThat(direct).as("the same fanout peers got the second message").isEqualTo(net.config.d());
  }

  @Test
  void ihaveGoesOnlyToNonMeshPeersAboveTheGossipThreshold() {
    GossipConfig config = GossipConfig.forTests().toBuilder()
        .d(1).dLow(1).dHigh(1).dScore(1).dOut(0).dLazy(2).build();
    InMemoryGossipNetwork small = new InMemoryGossipNetwork(config, 3);
    Node router = small.addRouter();
    Node meshPeer = small.addExternal();
    Node lurker = small.addExternal();
    router.router.subscribe(T);
    small.connect(meshPeer, router);
    small.connect(lurker, router);
    meshPeer.send(router, subscribe(T));
    lurker.send(router, subscribe(T));
    meshPeer.send(router, RPC.newBuilder().setControl(ControlMessage.newBuilder()
        .addGraft(dev.icon.proto.libp2p.pubsub.ControlGraft.newBuilder().setTopicID(T))).build());
    small.pump();
    assertThat(router.router.meshPeers(T)).containsExactly(meshPeer.id);

    PublishResult result = router.router.publish(T, new byte[] {9});
    small.pump();
    small.heartbeats(1);

    assertThat(ihaves(meshPeer)).isEmpty();
    assertThat(ihaves(lurker)).singleElement().satisfies(ih -> assertThat(ih.getMessageIDsList())
        .containsExactly(ByteString.copyFrom(result.id().toBytes())));
  }

  @Test
  void peersBelowTheGossipThresholdGetNoIhaveAndTheirIhaveIsIgnored() {
    PeerScoreParams params = PeerScoreParams.disabled().toBuilder()
        .behaviourPenaltyWeight(-10).behaviourPenaltyThreshold(0).build();
    Node router = net.addRouter(o -> o.withScoring(params, PeerScoreThresholds.defaults()));
    Node shady = net.addExternal();
    router.router.subscribe(T);
    net.connect(shady, router);
    shady.send(router, subscribe(T));
    net.pump();
    // Two broken promises: P7 = 2^2 * -10 = -40, below the gossip threshold (-10), above graylist.
    for (int i = 0; i < 2; i++) {
      shady.send(router, ihave(T, MessageId.of(new byte[] {7, (byte) i})));
      net.pump();
      net.clock.advance(net.config.iwantFollowupTime());
      net.heartbeats(1);
    }
    double score = router.router.score(shady.id);
    assertThat(score).isLessThan(PeerScoreThresholds.defaults().gossipThreshold())
        .isGreaterThan(PeerScoreThresholds.defaults().graylistThreshold());
    shady.inbox.clear();

    shady.send(router, ihave(T, MessageId.of(new byte[] {8})));
    router.router.publish(T, new byte[] {1});
    net.pump();
    net.heartbeats(1);

    assertThat(shady.inbox.stream().filter(RPC::hasControl)
        .flatMap(r -> r.getControl().getIwantList().stream())).as("its IHAVE is ignored").isEmpty();
    assertThat(ihaves(shady)).as("no gossip to it").isEmpty();
  }
}
