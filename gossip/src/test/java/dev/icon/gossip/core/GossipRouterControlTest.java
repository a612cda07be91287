package dev.icon.gossip.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.icon.gossip.api.MessageId;
import dev.icon.gossip.core.InMemoryGossipNetwork.Node;
import dev.icon.gossip.router.GossipConfig;
import dev.icon.gossip.score.PeerScoreParams;
import dev.icon.gossip.score.PeerScoreThresholds;
import dev.icon.gossip.score.TopicScoreParams;
import dev.icon.gossip.wire.MessageSigner;
import dev.icon.gossip.wire.StandardMessageIdFunction;
import dev.icon.proto.libp2p.pubsub.ControlGraft;
import dev.icon.proto.libp2p.pubsub.ControlIDontWant;
import dev.icon.proto.libp2p.pubsub.ControlMessage;
import dev.icon.proto.libp2p.pubsub.ControlPrune;
import dev.icon.proto.libp2p.pubsub.Message;
import dev.icon.proto.libp2p.pubsub.RPC;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One router driven by external peers the test speaks for: signature rejection and graylisting,
 * duplicates, PRUNE/backoff on unsubscribe, GRAFT during backoff, IDONTWANT.
 */
class GossipRouterControlTest {
  private static final String T = "t";

  private final InMemoryGossipNetwork net = new InMemoryGossipNetwork(
      GossipConfig.forTests().toBuilder()
          .unsubscribeBackoff(Duration.ofSeconds(2)).pruneBackoff(Duration.ofSeconds(3)).build(), 42);

  private static RPC subscribe(String topic) {
    return RPC.newBuilder()
        .addSubscriptions(RPC.SubOpts.newBuilder().setSubscribe(true).setTopicid(topic)).build();
  }

  private static RPC graft(String topic) {
    return RPC.newBuilder().setControl(ControlMessage.newBuilder()
        .addGraft(ControlGraft.newBuilder().setTopicID(topic))).build();
  }

  private static RPC publish(Message... msgs) {
    return RPC.newBuilder().addAllPublish(List.of(msgs)).build();
  }

  private static Message signed(Node author, String data, long seqno) {
    return new MessageSigner(author.key).sign(T, data.getBytes(StandardCharsets.UTF_8), seqno);
  }

  private static MessageId idOf(Message m) {
    return StandardMessageIdFunction.PUBLIC_KEY_SEQNO.idOf(m);
  }

  /** Connects and subscribes external {@code ext} to the router's topic, and grafts it. */
  private void joinMesh(Node router, Node ext) {
    net.connect(ext, router);
    ext.send(router, subscribe(T));
    ext.send(router, graft(T));
    net.pump();
  }

  private static List<ControlPrune> prunes(Node ext) {
    return ext.inbox.stream().filter(RPC::hasControl)
        .flatMap(r -> r.getControl().getPruneList().stream()).toList();
  }

  private static List<ControlGraft> grafts(Node ext) {
    return ext.inbox.stream().filter(RPC::hasControl)
        .flatMap(r -> r.getControl().getGraftList().stream()).toList();
  }

  private static List<Message> messages(Node ext) {
    return ext.inbox.stream().flatMap(r -> r.getPublishList().stream()).toList();
  }

  @Test
  void invalidSignaturesAreRejectedPenalizedAndThenTheSenderIsGraylisted() {
    TopicScoreParams topic = TopicScoreParams.disabled().toBuilder()
        .topicWeight(1).invalidMessageDeliveriesWeight(-10).build();
    PeerScoreParams params = PeerScoreParams.disabled().toBuilder().topic(T, topic).build();
    Node victim = net.addRouter(o -> o.withScoring(params, PeerScoreThresholds.defaults()));
    Node evil = net.addExternal();
    Node honest = net.addExternal();
    victim.router.subscribe(T);
    joinMesh(victim, evil);
    joinMesh(victim, honest);

    for (int i = 0; i < 3; i++) {
      Message forged = signed(evil, "x", i).toBuilder()
          .setData(ByteString.copyFromUtf8("tampered " + i)).build();
      evil.send(victim, publish(forged));
    }
    net.pump();

    assertThat(victim.delivered).isEmpty();
    assertThat(messages(honest)).as("invalid messages are not forwarded").isEmpty();
    assertThat(victim.router.score(evil.id))
        .isLessThan(PeerScoreThresholds.defaults().graylistThreshold());

    evil.send(victim, publish(signed(evil, "valid but graylisted", 10)));
    net.pump();
    assertThat(victim.delivered).as("RPCs from a graylisted peer are ignored").isEmpty();

    honest.send(victim, publish(signed(honest, "fine", 1)));
    net.pump();
    assertThat(victim.delivered).hasSize(1);
  }

  @Test
  void duplicatesAreNotRedelivered() {
    Node router = net.addRouter();
    Node a = net.addExternal();
    Node b = net.addExternal();
    router.router.subscribe(T);
    joinMesh(router, a);
    joinMesh(router, b);
    Message m = signed(a, "once", 7);

    a.send(router, publish(m));
    b.send(router, publish(m));
    a.send(router, publish(m));
    net.pump();

    assertThat(router.deliveredCount(idOf(m))).isEqualTo(1);
    assertThat(messages(b)).as("forwarded once to the other mesh peer").hasSize(1);
    assertThat(messages(a)).as("not echoed to the source and author").isEmpty();
  }

  @Test
  void unsubscribeSendsPruneWithBackoffAndRespectsIt() {
    Node router = net.addRouter();
    Node ext = net.addExternal();
    router.router.subscribe(T);
    net.connect(router, ext);
    ext.send(router, subscribe(T));
    net.pump();
    net.heartbeats(1);
    assertThat(grafts(ext)).hasSize(1);
    assertThat(router.router.meshPeers(T)).containsExactly(ext.id);

    router.router.unsubscribe(T);
    net.pump();
    assertThat(prunes(ext)).singleElement()
        .satisfies(p -> assertThat(p.getBackoff()).isEqualTo(2));
    assertThat(router.router.meshPeers(T)).isEmpty();

    router.router.subscribe(T);
    net.pump();
    net.heartbeats(1);
    assertThat(grafts(ext)).as("no GRAFT during the unsubscribe backoff").hasSize(1);

    net.clock.advance(Duration.ofSeconds(2));
    net.heartbeats(1);
    assertThat(grafts(ext)).as("GRAFT again once the backoff elapsed").hasSize(2);
  }

  @Test
  void graftDuringBackoffIsPenalizedAndRefused() {
    PeerScoreParams params = PeerScoreParams.disabled().toBuilder()
        .behaviourPenaltyWeight(-10).behaviourPenaltyThreshold(0).build();
    Node router = net.addRouter(o -> o.withScoring(params, PeerScoreThresholds.defaults()));
    Node ext = net.addExternal();
    router.router.subscribe(T);
    joinMesh(router, ext);
    assertThat(router.router.meshPeers(T)).containsExactly(ext.id);
    assertThat(router.router.score(ext.id)).isZero();

    ext.send(router, RPC.newBuilder().setControl(ControlMessage.newBuilder()
        .addPrune(ControlPrune.newBuilder().setTopicID(T).setBackoff(10))).build());
    net.pump();
    assertThat(router.router.meshPeers(T)).isEmpty();

    ext.send(router, graft(T));
    net.pump();

    assertThat(router.router.meshPeers(T)).isEmpty();
    assertThat(prunes(ext)).as("refused with a PRUNE").hasSize(1);
    assertThat(router.router.score(ext.id)).isNegative();
  }

  @Test
  void idontwantStopsForwardingOfALargeMessageToThatPeer() {
    Node router = net.addRouter();
    Node source = net.addExternal();
    Node picky = net.addExternal();
    router.router.subscribe(T);
    joinMesh(router, source);
    joinMesh(router, picky);
    String big = "x".repeat(net.config.idontwantMessageSizeThreshold() + 10);
    Message unwanted = signed(source, big, 1);
    Message wanted = signed(source, big, 2);

    picky.send(router, RPC.newBuilder().setControl(ControlMessage.newBuilder()
        .addIdontwant(ControlIDontWant.newBuilder()
            .addMessageIDs(ByteString.copyFrom(idOf(unwanted).toBytes())))).build());
    source.send(router, publish(unwanted));
    source.send(router, publish(wanted));
    net.pump();

    assertThat(router.delivered).hasSize(2);
    assertThat(messages(picky)).containsExactly(wanted);
    List<ByteString> idontwants = picky.inbox.stream().filter(RPC::hasControl)
        .flatMap(r -> r.getControl().getIdontwantList().stream())
        .flatMap(i -> i.getMessageIDsList().stream()).toList();
    assertThat(idontwants).as("the router announces IDONTWANT for large messages")
        .contains(ByteString.copyFrom(idOf(wanted).toBytes()));
  }

  @Test
  void heartbeatsDecayScoresEachDecayIntervalSoAGraylistedPeerRecovers() {
    TopicScoreParams topic = TopicScoreParams.disabled().toBuilder().topicWeight(1)
        .invalidMessageDeliveriesWeight(-10).invalidMessageDeliveriesDecay(0.5).build();
    PeerScoreParams params = PeerScoreParams.disabled().toBuilder().topic(T, topic)
        .decayInterval(Duration.ofSeconds(1)).build();
    Node victim = net.addRouter(o -> o.withScoring(params, PeerScoreThresholds.defaults()));
    Node evil = net.addExternal();
    victim.router.subscribe(T);
    joinMesh(victim, evil);
    for (int i = 0; i < 3; i++) {
      evil.send(victim, publish(signed(evil, "x", i).toBuilder()
          .setData(ByteString.copyFromUtf8("bad " + i)).build()));
    }
    net.pump();
    double graylisted = victim.router.score(evil.id);
    assertThat(graylisted).isEqualTo(-90.0);

    net.heartbeats(5); // 250 ms: no decay interval has passed yet
    assertThat(victim.router.score(evil.id)).isEqualTo(graylisted);

    net.clock.advance(Duration.ofSeconds(1));
    net.heartbeats(1);
    assertThat(victim.router.score(evil.id)).isEqualTo(-22.5);
    evil.send(victim, publish(signed(evil, "reformed", 10)));
    net.pump();
    assertThat(victim.delivered).hasSize(1);
  }
}
