package dev.icon.gossip.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.gossip.api.ValidationResult;
import dev.icon.gossip.core.InMemoryGossipNetwork.Node;
import dev.icon.gossip.router.GossipConfig;
import dev.icon.gossip.score.PeerScoreParams;
import dev.icon.gossip.score.PeerScoreThresholds;
import dev.icon.gossip.score.TopicScoreParams;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A peer publishing application-invalid messages in a scored mesh: its neighbours' validators
 * (half synchronous, half asynchronous) reject them, it is penalized (P4), graylisted and pruned,
 * nothing invalid spreads, and honest delivery stays at 100%.
 */
class GossipRouterInvalidPeerTest {
  private static final String T = "t";
  private static final PeerScoreParams P4 = PeerScoreParams.disabled().toBuilder()
      .topic(T, TopicScoreParams.disabled().toBuilder().topicWeight(1)
          .invalidMessageDeliveriesWeight(-10).invalidMessageDeliveriesDecay(0.9).build())
      .build();

  private static boolean isSpam(byte[] data) {
    return new String(data, StandardCharsets.UTF_8).startsWith("spam");
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void anInvalidPublisherIsGraylistedAndPrunedWhileHonestDeliveryStaysComplete(long seed) {
    InMemoryGossipNetwork net = new InMemoryGossipNetwork(GossipConfig.forTests(), seed);
    List<Node> honest = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      boolean async = i % 2 == 0;
      MessageValidation v = m -> {
        ValidationResult r = isSpam(m.data()) ? ValidationResult.REJECT : ValidationResult.ACCEPT;
        if (!async) {
          return CompletableFuture.completedFuture(r);
        }
        CompletableFuture<ValidationResult> f = new CompletableFuture<>();
        net.later(() -> f.complete(r));
        return f;
      };
      honest.add(net.addRouter(o -> o.withScoring(P4, PeerScoreThresholds.defaults()),
          GossipRouterListener.NONE, v, PeerExchange.NONE));
    }
    Node spammer = net.addRouter();
    net.nodes.forEach(n -> n.router.subscribe(T));
    net.connectRandomly(4);
    for (Node h : honest.subList(0, 4)) {
      net.connect(spammer, h);
    }
    net.pump();
    net.heartbeats(5);

    for (int i = 0; i < 5; i++) {
      spammer.router.publish(T, ("spam " + i).getBytes(StandardCharsets.UTF_8));
    }
    net.pump();
    net.heartbeats(2);
    for (int i = 0; i < 30; i++) {
      honest.get(i % honest.size()).router.publish(T, ("m" + i).getBytes(StandardCharsets.UTF_8));
      net.pump();
    }
    net.heartbeats(5);

    for (int n = 0; n < honest.size(); n++) {
      Node h = honest.get(n);
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        if (i % honest.size() != n) { // own messages are not delivered to self
          expected.add("m" + i);
        }
      }
      assertThat(h.delivered).as(h + " delivers every honest message once and no spam")
          .extracting(d -> d.msg().getData().toStringUtf8())
          .containsExactlyInAnyOrderElementsOf(expected);
      assertThat(h.router.meshPeers(T)).as(h + " pruned the spammer").doesNotContain(spammer.id);
    }
    for (Node h : honest.subList(0, 4)) {
      assertThat(h.router.score(spammer.id)).as(h + " graylists the spammer")
          .isLessThan(PeerScoreThresholds.defaults().graylistThreshold());
    }
  }
}
