package dev.icon.gossip.host;

import static dev.icon.gossip.host.GossipNodes.await;
import static dev.icon.gossip.host.GossipNodes.awaitTopicPeer;
import static dev.icon.gossip.host.GossipNodes.connect;
import static dev.icon.gossip.host.GossipNodes.get;
import static dev.icon.gossip.host.HostPubSubErrorsTest.errorOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.gossip.api.AsyncTopicValidator;
import dev.icon.gossip.api.GossipError;
import dev.icon.gossip.api.Registration;
import dev.icon.gossip.api.TopicValidator;
import dev.icon.gossip.api.ValidationResult;
import dev.icon.gossip.host.GossipNodes.Inbox;
import dev.icon.gossip.host.GossipNodes.Node;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Validators on a receiving node (b) and on the publisher (a); a third node (c) hangs off b. */
class HostPubSubValidationTest {
  private final GossipNodes nodes = new GossipNodes();
  private Node a;
  private Node b;
  private Node c;
  private final Inbox atB = new Inbox();
  private final Inbox atC = new Inbox();

  @BeforeEach
  void chain() {
    a = nodes.start(x -> x.validationTimeout(Duration.ofMillis(300)));
    b = nodes.start(x -> x.validationTimeout(Duration.ofMillis(300)));
    c = nodes.start();
    a.pubsub().subscribe("v", m -> {});
    b.pubsub().subscribe("v", atB::add);
    c.pubsub().subscribe("v", atC::add);
    connect(a, b);
    connect(b, c);
    awaitTopicPeer(a, "v", b);
    await().until(() -> get(b.pubsub().meshPeers("v")).contains(c.id()));
  }

  @AfterEach
  void stop() {
    nodes.close();
  }

  private static byte[] bytes(String s) {
    return s.getBytes();
  }

  /** Publishes "marker" after the probe; the marker passes every validator, so once c has it the probe's fate is settled. */
  private void publishThenMarker(String probe) {
    get(a.pubsub().publish("v", bytes(probe)));
    get(a.pubsub().publish("v", bytes("marker")));
    await().until(() -> atC.texts().contains("marker"));
  }

  @Test
  void syncRejectDropsTheMessageAndCountsIt() {
    b.pubsub().addValidator("v", (TopicValidator) m -> new String(m.data()).startsWith("bad")
        ? ValidationResult.REJECT : ValidationResult.ACCEPT);

    publishThenMarker("bad one");

    assertThat(atB.texts()).containsExactly("marker");
    assertThat(atC.texts()).containsExactly("marker");
    assertThat(b.meter("icon.gossip.messages.rejected")).isEqualTo(1.0);
  }

  @Test
  void syncIgnoreDropsTheMessageWithoutForwarding() {
    b.pubsub().addValidator("v", (TopicValidator) m -> new String(m.data()).startsWith("meh")
        ? ValidationResult.IGNORE : ValidationResult.ACCEPT);

    publishThenMarker("meh");

    assertThat(atB.texts()).containsExactly("marker");
    assertThat(atC.texts()).containsExactly("marker");
    assertThat(b.meter("icon.gossip.messages.ignored")).isEqualTo(1.0);
  }

  @Test
  void asyncAcceptDeliversAndForwardsOnceTheStageCompletes() {
    CompletableFuture<ValidationResult> verdict = new CompletableFuture<>();
    AtomicInteger asked = new AtomicInteger();
    b.pubsub().addValidator("v", (AsyncTopicValidator) m -> {
      asked.incrementAndGet();
      return verdict;
    });

    get(a.pubsub().publish("v", bytes("slow")));
    await().until(() -> asked.get() == 1);
    assertThat(atB.messages).isEmpty();
    assertThat(atC.messages).isEmpty();
    verdict.complete(ValidationResult.ACCEPT);

    await().until(() -> atC.texts().contains("slow"));
    assertThat(atB.texts()).containsExactly("slow");
  }

  @Test
  void asyncRejectAndTimeoutDropTheMessage() {
    b.pubsub().addValidator("v", (AsyncTopicValidator) m -> switch (new String(m.data())) {
      case "reject" -> CompletableFuture.supplyAsync(() -> ValidationResult.REJECT);
      case "never" -> new CompletableFuture<>();
      default -> CompletableFuture.completedFuture(ValidationResult.ACCEPT);
    });

    get(a.pubsub().publish("v", bytes("reject")));
    get(a.pubsub().publish("v", bytes("never")));
    await().until(() -> b.meter("icon.gossip.messages.rejected") == 1.0
        && b.meter("icon.gossip.messages.ignored") == 1.0);
    publishThenMarker("after");

    assertThat(atB.texts()).containsExactly("after", "marker");
    assertThat(atC.texts()).containsExactly("after", "marker");
  }

  @Test
  void aThrowingValidatorRejects() {
    b.pubsub().addValidator("v", (TopicValidator) m -> {
      if (new String(m.data()).equals("boom")) {
        throw new IllegalStateException("validator bug");
      }
      return ValidationResult.ACCEPT;
    });

    publishThenMarker("boom");

    assertThat(atB.texts()).containsExactly("marker");
    assertThat(b.meter("icon.gossip.messages.rejected")).isEqualTo(1.0);
  }

  @Test
  void ownValidatorsRefuseOurPublishWithRejected() {
    AtomicInteger seen = new AtomicInteger();
    Registration sync = a.pubsub().addValidator("v", (TopicValidator) m -> {
      seen.incrementAndGet();
      assertThat(m.from()).isEqualTo(a.id());
      return new String(m.data()).equals("no") ? ValidationResult.REJECT : ValidationResult.ACCEPT;
    });
    a.pubsub().addValidator("v", (AsyncTopicValidator) m -> CompletableFuture.completedFuture(
        new String(m.data()).equals("later-no") ? ValidationResult.IGNORE : ValidationResult.ACCEPT));

    assertThat(errorOf(a.pubsub().publish("v", bytes("no")))).isEqualTo(GossipError.REJECTED);
    assertThat(errorOf(a.pubsub().publish("v", bytes("later-no")))).isEqualTo(GossipError.REJECTED);
    sync.close();
    assertThat(get(a.pubsub().publish("v", bytes("no"))).recipients()).isEqualTo(1);

    await().until(() -> atB.texts().contains("no"));
    assertThat(atB.texts()).containsExactly("no");
    assertThat(seen.get()).isEqualTo(2);
  }

  @Test
  void ownAsyncValidatorTimeoutRefusesThePublish() {
    a.pubsub().addValidator("v", (AsyncTopicValidator) m -> new CompletableFuture<>());

    assertThat(errorOf(a.pubsub().publish("v", bytes("stuck")))).isEqualTo(GossipError.REJECTED);
  }
}
