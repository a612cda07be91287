package dev.icon.gossip.core;

import static dev.icon.gossip.core.Rpcs.joinMesh;
import static dev.icon.gossip.core.Rpcs.publish;
import static dev.icon.gossip.core.Rpcs.signed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.icon.gossip.core.InMemoryGossipNetwork.Node;
import dev.icon.gossip.router.GossipConfig;
import dev.icon.gossip.score.PeerScoreParams;
import dev.icon.gossip.score.PeerScoreThresholds;
import dev.icon.gossip.score.TopicScoreParams;
import dev.icon.gossip.wire.MessageSigner;
import dev.icon.gossip.wire.SignaturePolicy;
import dev.icon.gossip.wire.StandardMessageIdFunction;
import dev.icon.proto.libp2p.pubsub.Message;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The StrictNoSign signature policy: anonymous messages, signed ones refused. */
class GossipRouterStrictNoSignTest {
  private static final String T = "t";
  private static final UnaryOperator<GossipRouterOptions> NO_SIGN =
      o -> o.withSignaturePolicy(SignaturePolicy.STRICT_NO_SIGN, StandardMessageIdFunction.SHA256_DATA);

  @Test
  void theDefaultPolicyIsStrictSign() {
    GossipRouterOptions o = GossipRouterOptions.unscored(GossipConfig.forTests(), () -> 0,
        new SplittableRandom(1));
    assertThat(o.signaturePolicy()).isEqualTo(SignaturePolicy.STRICT_SIGN);
  }

  @ParameterizedTest
  @EnumSource(value = StandardMessageIdFunction.class, names = {"FROM_SEQNO", "PUBLIC_KEY_SEQNO"})
  void optionsRefuseAnIdFunctionThatNeedsFromOrSeqnoUnderStrictNoSign(StandardMessageIdFunction f) {
    GossipRouterOptions o = GossipRouterOptions.unscored(GossipConfig.forTests(), () -> 0,
        new SplittableRandom(1));
    assertThatThrownBy(() -> o.withSignaturePolicy(SignaturePolicy.STRICT_NO_SIGN, f))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("idFunction")
        .hasMessageContaining("seqno");
  }

  @Test
  void aStrictNoSignNetworkDeliversAnonymousMessagesToEveryNode() {
    InMemoryGossipNetwork net = new InMemoryGossipNetwork(GossipConfig.forTests(), 3);
    for (int i = 0; i < 8; i++) {
      net.addRouter(NO_SIGN).router.subscribe(T);
    }
    net.connectRandomly(3);
    net.pump();
    net.heartbeats(3);

    Node publisher = net.nodes.get(0);
    PublishResult result = publisher.router.publish(T, "anon".getBytes(StandardCharsets.UTF_8));
    net.pump();
    net.heartbeats(3);

    assertThat(result.id()).isEqualTo(StandardMessageIdFunction.SHA256_DATA.idOf(
        MessageSigner.unsigned(T, "anon".getBytes(StandardCharsets.UTF_8))));
    for (Node n : net.nodes.subList(1, net.nodes.size())) {
      assertThat(n.deliveredCount(result.id())).as(n.toString()).isEqualTo(1);
      Message m = n.delivered.get(0).msg();
      assertThat(m.hasFrom() || m.hasSeqno() || m.hasSignature() || m.hasKey())
          .as("no from, seqno, signature or key on the wire").isFalse();
    }
  }

  @Test
  void aSignedMessageIsRejectedAndPenalizedUnderStrictNoSign() {
    InMemoryGossipNetwork net = new InMemoryGossipNetwork(GossipConfig.forTests(), 5);
    PeerScoreParams p4 = PeerScoreParams.disabled().toBuilder()
        .topic(T, TopicScoreParams.disabled().toBuilder().topicWeight(1)
            .invalidMessageDeliveriesWeight(-10).build())
        .build();
    RecordingListener events = new RecordingListener();
    Node r = net.addRouter(o -> NO_SIGN.apply(o.withScoring(p4, PeerScoreThresholds.disabled())),
        events, MessageValidation.ACCEPT_ALL, PeerExchange.NONE);
    r.router.subscribe(T);
    Node ext = net.addExternal();
    joinMesh(net, r, ext, T);

    ext.send(r, publish(MessageSigner.unsigned(T, "fine".getBytes(StandardCharsets.UTF_8))));
    ext.send(r, publish(signed(ext, T, "signed", 1)));
    net.pump();

    assertThat(r.delivered).extracting(d -> d.msg().getData().toStringUtf8())
        .containsExactly("fine");
    assertThat(events.named("rejected"))
        .containsExactly("rejected t " + ext.id + " unexpected-signature");
    assertThat(r.router.score(ext.id)).isEqualTo(-10.0);
  }
}
