package dev.icon.interop;

import static dev.icon.interop.PeerProcess.named;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.icon.gossip.api.GossipMessage;
import dev.icon.gossip.api.PublishOutcome;
import dev.icon.gossip.wire.StandardMessageIdFunction;
import dev.icon.overlay.identity.PeerId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * ICON's gossipsub (in-JVM {@link dev.icon.gossip.api.PubSub} on an overlay host) and real
 * js-libp2p gossipsub 17.1.1 peers (processes), over TCP on 127.0.0.1: signed messages both ways,
 * with the fields each side reports (author, seqno, message id, neighbour) matching the other
 * side's, and a js -> Java -> js chain where the two js peers know each other only through Java.
 */
class GossipJsJavaIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  /**
   * The js peer publishes this long after it listens: time for the Java side to dial it and for
   * both to exchange subscriptions (the test fails, rather than hangs, if that took longer).
   */
  private static final String PUBLISH_DELAY_MS = "5000";

  @Test
  void jsPublishesAndJavaReceivesTheSignedMessageWithMatchingFields() {
    String topic = "js-to-java";
    try (JavaGossipPeer java = new JavaGossipPeer().subscribe(topic);
        PeerProcess js = PeerProcess.start("--subscribe", topic,
            "--publish-delay", PUBLISH_DELAY_MS, "--publish", topic + "=hello from js")) {
      PeerId jsId = PeerId.parse(js.peerId());
      java.dial(js.listenAddr());
      await().atMost(TIMEOUT).failFast(() -> assertNoError(js))
          .until(() -> !java.received(topic).isEmpty());
      GossipMessage m = java.received(topic).get(0);

      assertThat(text(m)).isEqualTo("hello from js");
      assertThat(m.topic()).isEqualTo(topic);
      assertThat(m.from()).isEqualTo(jsId);
      assertThat(m.receivedFrom()).isEqualTo(jsId);
      assertThat(m.seqno()).hasSize(8);
      assertThat(m.id().toString()).as("js's default id: protobuf(public key) || seqno")
          .isEqualTo(JsGossip.expectedMessageId(jsId, m.seqnoHex()));

      JsonNode published = js.awaitEvent(named("published").and(topic(topic)), "published", TIMEOUT);
      assertThat(published.path("recipients").asInt()).as("sent to the Java peer").isEqualTo(1);
      assertThat(java.received(topic)).as("delivered exactly once").hasSize(1);
    }
  }

  @Test
  void javaPublishesAndJsReceivesTheSignedMessageWithMatchingFields() {
    String topic = "java-to-js";
    try (PeerProcess js = PeerProcess.start("--subscribe", topic);
        JavaGossipPeer java = new JavaGossipPeer()) {
      PeerId jsId = PeerId.parse(js.peerId());
      java.dial(js.listenAddr());
      await().atMost(TIMEOUT).until(() -> java.topicPeers(topic).contains(jsId));

      PublishOutcome outcome = java.publish(topic, "hello from java");
      assertThat(outcome.recipients()).isEqualTo(1);

      JsonNode m = js.awaitEvent(named("message").and(topic(topic)), "the message", TIMEOUT);
      String javaId = java.id().toBase58();
      assertThat(m.path("data").asText()).isEqualTo("hello from java");
      assertThat(m.path("from").asText()).isEqualTo(javaId);
      assertThat(m.path("receivedFrom").asText()).isEqualTo(javaId);
      String seqno = m.path("seqno").asText();
      assertThat(seqno).hasSize(16);
      assertThat(JsGossip.msgIdHex(m)).as("js's id of the message equals the id Java published")
          .isEqualTo(outcome.id().toString())
          .isEqualTo(JsGossip.expectedMessageId(java.id(), seqno));
    }
  }

  @Test
  void chainJsToJavaToJsRelaysThroughJavaBothWays() {
    String topic = "chain";
    try (JavaGossipPeer middle = new JavaGossipPeer().subscribe(topic);
        PeerProcess left = PeerProcess.start("--subscribe", topic,
            "--publish-delay", PUBLISH_DELAY_MS, "--publish", topic + "=from the left");
        PeerProcess right = PeerProcess.start("--subscribe", topic,
            "--publish-delay", PUBLISH_DELAY_MS, "--publish", topic + "=from the right")) {
      middle.dial(left.listenAddr());
      middle.dial(right.listenAddr());
      String middleId = middle.id().toBase58();
      JsonNode atRight = awaitOrExplain(right, "from the left", middle, topic);
      JsonNode atLeft = awaitOrExplain(left, "from the right", middle, topic);

      assertRelayed(atRight, left.peerId(), middleId, middle.received(topic), "from the left");
      assertRelayed(atLeft, right.peerId(), middleId, middle.received(topic), "from the right");
      assertThat(connectedPeers(left)).as("left knows only the middle").containsOnly(middleId);
      assertThat(connectedPeers(right)).as("right knows only the middle").containsOnly(middleId);
    }
  }

  /**
   * Both sides switched to the spec's (and go's) message id, {@code from || seqno}, instead of the
   * js default: each side's id of the other's message is that, and the two sides agree.
   */
  @Test
  void withTheSpecMessageIdFromSeqnoBothSidesComputeTheSameIds() {
    String topic = "spec-ids";
    try (JavaGossipPeer java = new JavaGossipPeer(b -> b.messageIdFunction(StandardMessageIdFunction.FROM_SEQNO))
            .subscribe(topic);
        PeerProcess js = PeerProcess.start("--subscribe", topic, "--msg-id", "from-seqno",
            "--publish-delay", PUBLISH_DELAY_MS, "--publish", topic + "=js, spec id")) {
      PeerId jsId = PeerId.parse(js.peerId());
      java.dial(js.listenAddr());
      await().atMost(TIMEOUT).until(() -> java.topicPeers(topic).contains(jsId));
      PublishOutcome outcome = java.publish(topic, "java, spec id");

      JsonNode atJs = js.awaitEvent(named("message").and(data("java, spec id")), "Java's message", TIMEOUT);
      assertThat(JsGossip.msgIdHex(atJs)).isEqualTo(outcome.id().toString())
          .isEqualTo(HexFormat.of().formatHex(java.id().toBytes()) + atJs.path("seqno").asText());
      await().atMost(TIMEOUT).failFast(() -> assertNoError(js))
          .until(() -> !java.received(topic).isEmpty());
      GossipMessage atJava = java.received(topic).get(0);
      assertThat(text(atJava)).isEqualTo("js, spec id");
      assertThat(atJava.id().toString())
          .isEqualTo(HexFormat.of().formatHex(jsId.toBytes()) + atJava.seqnoHex());
    }
  }

  /**
   * js as the dialer: Java must announce its subscription on a connection it did not open (an early
   * host binding sent nothing there, and js then refused to publish: NoPeersSubscribedToTopic).
   */
  @Test
  void jsDialsJavaAndLearnsJavasSubscription() {
    String topic = "js-dials-java";
    try (JavaGossipPeer java = new JavaGossipPeer().subscribe(topic);
        PeerProcess js = PeerProcess.start("--dial", java.addr(), "--subscribe", topic,
            "--publish-delay", PUBLISH_DELAY_MS, "--publish", topic + "=hello from js")) {
      await().atMost(TIMEOUT).failFast(() -> assertNoError(js))
          .until(() -> !java.received(topic).isEmpty());
      assertThat(text(java.received(topic).get(0))).isEqualTo("hello from js");
    }
  }

  /**
   * The chain with {@code ./icon peer} (a separate JVM, the command-line gossip options) in the
   * middle: the js peers dial it, and it relays each one's message to the other.
   */
  @Test
  void chainJsToIconPeerProcessToJsRelaysThroughTheIconPeer() {
    String topic = "icon-chain";
    try (PeerProcess middle = PeerProcess.startIcon("--subscribe", topic);
        PeerProcess left = PeerProcess.start("--dial", middle.listenAddr(), "--subscribe", topic,
            "--publish-delay", PUBLISH_DELAY_MS, "--publish", topic + "=left via icon");
        PeerProcess right = PeerProcess.start("--dial", middle.listenAddr(), "--subscribe", topic,
            "--publish-delay", PUBLISH_DELAY_MS, "--publish", topic + "=right via icon")) {
      JsonNode atRight = right.awaitEvent(named("message").and(data("left via icon")), "left's message", TIMEOUT);
      JsonNode atLeft = left.awaitEvent(named("message").and(data("right via icon")), "right's message", TIMEOUT);
      for (JsonNode[] pair : new JsonNode[][] {
          {atRight, middle.awaitEvent(named("message").and(data("left via icon")), "middle got left's", TIMEOUT)},
          {atLeft, middle.awaitEvent(named("message").and(data("right via icon")), "middle got right's", TIMEOUT)}}) {
        JsonNode far = pair[0];
        JsonNode mid = pair[1];
        assertThat(far.path("receivedFrom").asText()).isEqualTo(middle.peerId());
        assertThat(far.path("from").asText()).isEqualTo(mid.path("from").asText())
            .isEqualTo(mid.path("receivedFrom").asText());
        assertThat(far.path("seqno").asText()).isEqualTo(mid.path("seqno").asText());
        assertThat(JsGossip.msgIdHex(far)).isEqualTo(JsGossip.msgIdHex(mid))
            .isEqualTo(JsGossip.expectedMessageId(PeerId.parse(mid.path("from").asText()),
                mid.path("seqno").asText()));
      }
      assertThat(atRight.path("from").asText()).isEqualTo(left.peerId());
      assertThat(connectedPeers(right)).as("right knows only the middle").containsOnly(middle.peerId());
    }
  }

  /** Awaits the message with {@code text} at {@code js}; a failure also shows the middle's state. */
  private static JsonNode awaitOrExplain(PeerProcess js, String text, JavaGossipPeer middle, String topic) {
    try {
      return js.awaitEvent(named("message").and(data(text)), "'" + text + "'", TIMEOUT);
    } catch (AssertionError e) {
      throw new AssertionError("middle delivered " + middle.received(topic) + ", mesh "
          + middle.meshPeers(topic) + ", topic peers " + middle.topicPeers(topic) + "\n"
          + e.getMessage(), e);
    }
  }

  /** The far js end got the message authored by {@code author} from the Java middle, unchanged. */
  private static void assertRelayed(JsonNode received, String author, String middleId,
      List<GossipMessage> atMiddle, String text) {
    assertThat(received.path("from").asText()).isEqualTo(author);
    assertThat(received.path("receivedFrom").asText()).isEqualTo(middleId);
    GossipMessage seenByJava = atMiddle.stream().filter(m -> text(m).equals(text)).findFirst()
        .orElseThrow(() -> new AssertionError("the middle did not deliver '" + text + "': " + atMiddle));
    assertThat(received.path("seqno").asText()).isEqualTo(seenByJava.seqnoHex());
    assertThat(JsGossip.msgIdHex(received)).isEqualTo(seenByJava.id().toString());
  }

  /** Fails, showing the peer's events, once it printed an {@code error} (e.g. publish refused). */
  private static void assertNoError(PeerProcess p) {
    assertThat(p.events("error")).as("errors of the js peer\n%s", p.diagnostics()).isEmpty();
  }

  private static List<String> connectedPeers(PeerProcess p) {
    return p.events("peer:connect").stream().map(e -> e.path("peerId").asText()).distinct().toList();
  }

  private static Predicate<JsonNode> topic(String topic) {
    return e -> topic.equals(e.path("topic").asText());
  }

  private static Predicate<JsonNode> data(String text) {
    return e -> text.equals(e.path("data").asText());
  }

  private static String text(GossipMessage m) {
    return new String(m.data(), StandardCharsets.UTF_8);
  }
}
