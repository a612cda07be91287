package dev.icon.gossip.core;

import static dev.icon.gossip.core.Rpcs.graft;
import static dev.icon.gossip.core.Rpcs.joinMesh;
import static dev.icon.gossip.core.Rpcs.prune;
import static dev.icon.gossip.core.Rpcs.publish;
import static dev.icon.gossip.core.Rpcs.signed;
import static dev.icon.gossip.core.Rpcs.subscribe;
import static dev.icon.gossip.core.Rpcs.unsubscribe;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.icon.gossip.core.InMemoryGossipNetwork.Node;
import dev.icon.gossip.router.GossipConfig;
import dev.icon.gossip.score.PeerScoreParams;
import dev.icon.gossip.score.PeerScoreThresholds;
import dev.icon.gossip.score.TopicScoreParams;
import dev.icon.proto.libp2p.pubsub.ControlPrune;
import dev.icon.proto.libp2p.pubsub.Message;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Every router event reaches the {@link GossipRouterListener}. */
class GossipRouterListenerTest {
  private static final String T = "t";

  private final InMemoryGossipNetwork net = new InMemoryGossipNetwork(
      GossipConfig.forTests().toBuilder().maxMessageSize(300).build(), 7);
  private final RecordingListener events = new RecordingListener();

  private Node router() {
    return router(UnaryOperator.identity());
  }

  private Node router(UnaryOperator<GossipRouterOptions> tweak) {
    return net.addRouter(tweak, events, MessageValidation.ACCEPT_ALL, PeerExchange.NONE);
  }

  @Test
  void everyMeshMembershipChangeIsReportedAsGraftedOrPruned() {
    Node r = router();
    Node grafter = net.addExternal();
    Node chosen = net.addExternal();
    Node leaver = net.addExternal();
    Node quitter = net.addExternal();
    r.router.subscribe(T);

    joinMesh(net, r, grafter, T);
    assertThat(events.events).containsExactly(
        "subscribed t " + grafter.id, "grafted t " + grafter.id);

    for (Node n : new Node[] {chosen, leaver, quitter}) {
      net.connect(n, r);
      n.send(r, subscribe(T));
    }
    net.pump();
    events.clear();
    net.heartbeats(1);
    assertThat(events.named("grafted")).as("our own GRAFTs at the heartbeat")
        .containsExactlyInAnyOrder(
        "grafted t " + chosen.id, "grafted t " + leaver.id, "grafted t " + quitter.id);

    events.clear();
    grafter.send(r, prune(ControlPrune.newBuilder().setTopicID(T).build()));
    leaver.send(r, unsubscribe(T));
    net.pump();
    net.disconnect(quitter, r);
    assertThat(events.events).containsExactly(
        "pruned t " + grafter.id,
        "pruned t " + leaver.id, "unsubscribed t " + leaver.id,
        "pruned t " + quitter.id);

    events.clear();
    r.router.unsubscribe(T);
    assertThat(events.events).containsExactly("pruned t " + chosen.id);
    assertThat(r.router.meshPeers(T)).isEmpty();
  }

  @Test
  void heartbeatPruneOfAnOversubscribedMeshIsReported() {
    Node r = router();
    r.router.subscribe(T);
    for (int i = 0; i <= net.config.dHigh(); i++) {
      Node n = net.addExternal();
      net.connect(r, n); // outbound: GRAFTs are accepted beyond dHigh
      n.send(r, subscribe(T));
      n.send(r, graft(T));
    }
    net.pump();
    assertThat(events.named("grafted")).hasSize(net.config.dHigh() + 1);

    events.clear();
    net.heartbeats(1);
    assertThat(events.named("pruned")).hasSize(net.config.dHigh() + 1 - net.config.d());
    assertThat(r.router.meshPeers(T)).hasSize(net.config.d());
  }

  @Test
  void messagesAreReportedAsDeliveredDuplicateRejectedAndPublished() {
    Node r = router();
    Node a = net.addExternal();
    Node b = net.addExternal();
    r.router.subscribe(T);
    joinMesh(net, r, a, T);
    joinMesh(net, r, b, T);
    events.clear();

    Message m = signed(a, T, "hello", 1);
    a.send(r, publish(m));
    b.send(r, publish(m));
    a.send(r, publish(signed(a, T, "hello", 2).toBuilder()
        .setData(ByteString.copyFromUtf8("forged")).build()));
    a.send(r, publish(m.toBuilder().clearSignature().setSeqno(ByteString.copyFrom(new byte[8]))
        .build()));
    a.send(r, publish(signed(a, T, "x".repeat(400), 3)));
    net.pump();
    r.router.publish(T, new byte[] {1, 2});

    assertThat(events.events).containsExactly(
        "delivered t 5 " + a.id,
        "duplicate t " + b.id,
        "rejected t " + a.id + " invalid-signature",
        "rejected t " + a.id + " missing-signature",
        "rejected t " + a.id + " too-large",
        "published t 2");
  }

  @Test
  void scoreChangesAreReportedAtEachRefreshWhenTheScoreMoved() {
    TopicScoreParams topic = TopicScoreParams.disabled().toBuilder().topicWeight(1)
        .invalidMessageDeliveriesWeight(-10).invalidMessageDeliveriesDecay(0.5).build();
    PeerScoreParams params = PeerScoreParams.disabled().toBuilder().topic(T, topic)
        .decayInterval(Duration.ofSeconds(1)).build();
    Node r = router(o -> o.withScoring(params, PeerScoreThresholds.defaults()));
    Node evil = net.addExternal();
    Node honest = net.addExternal();
    r.router.subscribe(T);
    joinMesh(net, r, evil, T);
    joinMesh(net, r, honest, T);
    evil.send(r, publish(signed(evil, T, "x", 1).toBuilder()
        .setData(ByteString.copyFromUtf8("bad")).build()));
    net.pump();
    events.clear();

    net.heartbeats(3); // before the decay interval: no refresh, no event
    assertThat(events.named("scoreChanged")).isEmpty();

    net.clock.advance(Duration.ofSeconds(1));
    net.heartbeats(1);
    assertThat(events.named("scoreChanged")).containsExactly("scoreChanged " + evil.id);
    assertThat(events.scoreChanges.get(0)).containsExactly(0.0, -2.5);
    assertThat(r.router.score(evil.id)).isEqualTo(-2.5);

    events.clear();
    net.clock.advance(Duration.ofSeconds(1));
    net.heartbeats(1);
    assertThat(events.scoreChanges).singleElement()
        .satisfies(c -> assertThat(c).containsExactly(-2.5, -0.625));
  }

  @Test
  void aThrowingListenerOrPeerExchangeDoesNotDisturbTheRouter() {
    GossipRouterListener faulty = new GossipRouterListener() {
      @Override
      public void grafted(String topic, dev.icon.overlay.identity.PeerId peer) {
        throw new IllegalStateException("listener bug");
      }

      @Override
      public void delivered(String topic, dev.icon.gossip.api.MessageId id, int size,
          dev.icon.overlay.identity.PeerId from) {
        throw new IllegalStateException("listener bug");
      }
    };
    Node r = net.addRouter(o -> o, faulty, MessageValidation.ACCEPT_ALL, (t, c) -> {
      throw new IllegalStateException("px bug");
    });
    Node a = net.addExternal();
    Node b = net.addExternal();
    r.router.subscribe(T);
    joinMesh(net, r, a, T);
    joinMesh(net, r, b, T);
    assertThat(r.router.meshPeers(T)).containsExactlyInAnyOrder(a.id, b.id);

    a.send(r, publish(signed(a, T, "still works", 1)));
    net.pump();
    assertThat(r.delivered).hasSize(1);
    assertThat(Rpcs.messages(b)).as("forwarded despite the listener").hasSize(1);
  }
}
