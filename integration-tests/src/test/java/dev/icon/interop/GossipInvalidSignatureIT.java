package dev.icon.interop;

import static dev.icon.interop.PeerProcess.named;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.icon.gossip.api.GossipMessage;
import dev.icon.gossip.score.PeerScoreParams;
import dev.icon.gossip.score.PeerScoreThresholds;
import dev.icon.gossip.score.TopicScoreParams;
import dev.icon.overlay.api.Stream;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Messages with invalid signatures between ICON's gossipsub and real js-libp2p gossipsub 17.1.1:
 * a Java peer that forges signatures is refused by both implementations, and a js peer that does is
 * refused and penalized by Java. Each scenario also sends correctly signed control messages after
 * the bad ones on the same connection, so "nothing bad delivered" is checked only once the channel
 * has provably carried messages past the bad ones.
 */
class GossipInvalidSignatureIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String TOPIC = "interop-forgery";

  /**
   * Scoring on for {@link #TOPIC} with only P4 (invalid messages) and no delivery-rate penalties,
   * so a negative score can only come from the invalid messages.
   */
  private static JavaGossipPeer scoringJavaPeer() {
    TopicScoreParams topic = TopicScoreParams.builder()
        .meshMessageDeliveriesWeight(0)
        .meshFailurePenaltyWeight(0)
        .build();
    PeerScoreParams params = PeerScoreParams.builder().topic(TOPIC, topic).build();
    return new JavaGossipPeer(b -> b.scoring(params, PeerScoreThresholds.defaults())).subscribe(TOPIC);
  }

  @Test
  void javaPeerSendingInvalidSignaturesIsRejectedByJs() {
    try (PeerProcess js = PeerProcess.start("--subscribe", TOPIC);
        RawMeshsubPeer forger = new RawMeshsubPeer()) {
      sendBadThenControl(forger, forger.open(js.listenAddr()));

      JsonNode control = js.awaitEvent(named("message").and(data("control")), "the control message", TIMEOUT);
      assertThat(control.path("from").asText()).isEqualTo(forger.id().toBase58());
      assertThat(control.path("msgId").asText()).isEqualTo(forger.lastSignedId());
      assertThat(js.events(named("message").and(e -> e.path("data").asText().startsWith("bad-"))))
          .as("js delivered a message with an invalid signature").isEmpty();
    }
  }

  @Test
  void javaPeerSendingInvalidSignaturesIsRejectedAndScoredNegativeByJava() {
    try (JavaGossipPeer java = scoringJavaPeer();
        RawMeshsubPeer forger = new RawMeshsubPeer()) {
      sendBadThenControl(forger, forger.open(java.addr()));

      await().atMost(TIMEOUT).until(() -> texts(java.received(TOPIC)).contains("control"));
      await().atMost(TIMEOUT).untilAsserted(() ->
          assertThat(java.score(forger.id())).as("Java's score of the forger").isNegative());
      assertThat(texts(java.received(TOPIC))).as("only the correctly signed message is delivered")
          .containsExactly("control");
      assertThat(java.received(TOPIC).get(0).id().toString()).isEqualTo(forger.lastSignedId());
      assertThat(java.rejected("invalid-signature")).as("rejections counted in the metrics").isEqualTo(2);
    }
  }

  /**
   * On one pubsub stream: our subscription, a message with a corrupted signature and one with a
   * forged author (both correctly framed), then a correctly signed "control" message.
   */
  private static void sendBadThenControl(RawMeshsubPeer forger, Stream stream) {
    PeerId someoneElse = PrivateKey.generateEd25519().publicKey().peerId();
    RawMeshsubPeer.send(stream, RawMeshsubPeer.subscription(TOPIC));
    RawMeshsubPeer.send(stream, RawMeshsubPeer.publish(
        forger.corruptSignature(TOPIC, "bad-signature"),
        forger.forgedAuthor(TOPIC, "bad-author", someoneElse)));
    RawMeshsubPeer.send(stream, RawMeshsubPeer.publish(forger.signed(TOPIC, "control")));
  }

  @Test
  void jsPeerWithForgedSignaturesIsPenalizedByJavaAndNotDelivered() {
    try (JavaGossipPeer java = scoringJavaPeer();
        PeerProcess forger = PeerProcess.startScript("forge.mjs", List.of("--topic", TOPIC,
            "--await-peer", java.id().toBase58(), "--valid", "2", "--forged", "3"))) {
      java.dial(forger.listenAddr());
      forger.awaitEvent("done", TIMEOUT);
      PeerId forgerId = PeerId.parse(forger.peerId());
      List<JsonNode> published = forger.events("published");
      assertThat(published).hasSize(5).allSatisfy(p ->
          assertThat(p.path("recipients").toString()).contains(java.id().toBase58()));

      await().atMost(TIMEOUT).untilAsserted(() ->
          assertThat(java.score(forgerId)).as("Java's score of the js forger").isNegative());
      // The router handles one peer's RPCs in order: the valid messages came first, the forged
      // ones are behind them, and the negative score shows the forged ones have been handled.
      List<GossipMessage> got = java.received(TOPIC);
      // At least the first: once the score falls below the graylist threshold, Java may ignore the
      // forger's later RPCs altogether instead of rejecting their messages one by one.
      assertThat(java.rejected("invalid-signature")).as("rejections counted in the metrics").isPositive();
      assertThat(texts(got)).containsExactly("valid-0", "valid-1");
      for (int i = 0; i < 2; i++) {
        GossipMessage m = got.get(i);
        assertThat(m.from()).isEqualTo(forgerId);
        assertThat(m.receivedFrom()).isEqualTo(forgerId);
        assertThat(m.seqnoHex()).isEqualTo(published.get(i).path("seqno").asText());
        assertThat(m.id().toString()).as("js and Java compute the same message id")
            .isEqualTo(published.get(i).path("msgId").asText());
      }
    }
  }

  private static java.util.function.Predicate<JsonNode> data(String text) {
    return e -> text.equals(e.path("data").asText());
  }

  private static List<String> texts(List<GossipMessage> messages) {
    return messages.stream().map(m -> new String(m.data(), StandardCharsets.UTF_8)).toList();
  }
}
