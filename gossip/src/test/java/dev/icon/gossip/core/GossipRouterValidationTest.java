package dev.icon.gossip.core;

import static dev.icon.gossip.core.Rpcs.joinMesh;
import static dev.icon.gossip.core.Rpcs.messages;
import static dev.icon.gossip.core.Rpcs.publish;
import static dev.icon.gossip.core.Rpcs.signed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.gossip.api.GossipMessage;
import dev.icon.gossip.api.ValidationResult;
import dev.icon.gossip.core.InMemoryGossipNetwork.Node;
import dev.icon.gossip.router.GossipConfig;
import dev.icon.gossip.score.PeerScoreParams;
import dev.icon.gossip.score.PeerScoreThresholds;
import dev.icon.gossip.score.TopicScoreParams;
import dev.icon.proto.libp2p.pubsub.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Application validation of received messages: synchronous and asynchronous verdicts, P4 for
 * rejects, timeouts, the pending bound, duplicates during validation.
 */
class GossipRouterValidationTest {
  private static final String T = "t";
  private static final PeerScoreParams P4 = PeerScoreParams.disabled().toBuilder()
      .topic(T, TopicScoreParams.disabled().toBuilder().topicWeight(1)
          .invalidMessageDeliveriesWeight(-10).build())
      .build();

  private final InMemoryGossipNetwork net = new InMemoryGossipNetwork(GossipConfig.forTests(), 11);
  private final RecordingListener events = new RecordingListener();
  private final List<GossipMessage> validated = new ArrayList<>();
  private final List<CompletableFuture<ValidationResult>> verdicts = new ArrayList<>();

  /** Parks every message until the test completes its verdict. */
  private final MessageValidation async = m -> {
    validated.add(m);
    CompletableFuture<ValidationResult> f = new CompletableFuture<>();
    verdicts.add(f);
    return f;
  };

  private Node router(MessageValidation validation) {
    return router(validation, UnaryOperator.identity());
  }

  private Node router(MessageValidation validation, UnaryOperator<GossipRouterOptions> tweak) {
    Node r = net.addRouter(o -> tweak.apply(o.withScoring(P4, PeerScoreThresholds.disabled())),
        events, validation, PeerExchange.NONE);
    r.router.subscribe(T);
    return r;
  }

  @ParameterizedTest
  @EnumSource(ValidationResult.class)
  void aSynchronousVerdictIsAppliedAtOnce(ValidationResult verdict) {
    Node r = router(m -> {
      validated.add(m);
      return CompletableFuture.completedFuture(verdict);
    });
    Node a = net.addExternal();
    Node b = net.addExternal();
    joinMesh(net, r, a, T);
    joinMesh(net, r, b, T);
    Message m = signed(a, T, "payload", 1);

    a.send(r, publish(m));
    net.pump();

    assertThat(validated).singleElement().satisfies(g -> {
      assertThat(g.from()).isEqualTo(a.id);
      assertThat(g.receivedFrom()).isEqualTo(a.id);
      assertThat(g.data()).isEqualTo("payload".getBytes());
      assertThat(g.id()).isEqualTo(Rpcs.idOf(m));
    });
    boolean accepted = verdict == ValidationResult.ACCEPT;
    assertThat(r.delivered).hasSize(accepted ? 1 : 0);
    assertThat(messages(b)).as("forwarded only when accepted").hasSize(accepted ? 1 : 0);
    assertThat(r.router.score(a.id)).isEqualTo(verdict == ValidationResult.REJECT ? -10.0 : 0.0);
    assertThat(r.router.pendingValidations()).isZero();
    String expected = switch (verdict) {
      case ACCEPT -> "delivered t 7 " + a.id;
      case REJECT -> "rejected t " + a.id + " validation";
      case IGNORE -> "ignored t " + a.id;
    };
    assertThat(events.events).endsWith(expected);
  }

  @Test
  void aValidatorThatThrowsOrCompletesExceptionallyCountsAsReject() {
    Node throwing = router(m -> {
      throw new IllegalStateException("validator bug");
    });
    Node failing = router(m -> CompletableFuture.failedFuture(new IllegalStateException("boom")));
    Node a = net.addExternal();
    joinMesh(net, throwing, a, T);
    joinMesh(net, failing, a, T);

    a.send(throwing, publish(signed(a, T, "x", 1)));
    a.send(failing, publish(signed(a, T, "x", 1)));
    net.pump();

    assertThat(throwing.delivered).isEmpty();
    assertThat(failing.delivered).isEmpty();
    assertThat(throwing.router.score(a.id)).isEqualTo(-10.0);
    assertThat(failing.router.score(a.id)).isEqualTo(-10.0);
    assertThat(events.named("rejected")).containsExactly(
        "rejected t " + a.id + " validator-error", "rejected t " + a.id + " validator-error");
  }

  @Test
  void anAsynchronousAcceptParksTheMessageUntilTheVerdictAndThenDeliversAndForwards() {
    Node r = router(async);
    Node a = net.addExternal();
    Node b = net.addExternal();
    joinMesh(net, r, a, T);
    joinMesh(net, r, b, T);

    a.send(r, publish(signed(a, T, "later", 1)));
    net.pump();
    assertThat(r.delivered).isEmpty();
    assertThat(messages(b)).isEmpty();
    assertThat(r.router.pendingValidations()).isEqualTo(1);

    verdicts.get(0).complete(ValidationResult.ACCEPT); // any thread; resumes on the executor
    assertThat(r.delivered).as("not before the router's executor runs").isEmpty();
    net.pump();

    assertThat(r.delivered).hasSize(1);
    assertThat(messages(b)).hasSize(1);
    assertThat(r.router.pendingValidations()).isZero();
  }

  @Test
  void anAsynchronousRejectPenalizesTheSenderAndEveryPeerThatSentADuplicateMeanwhile() {
    Node r = router(async);
    Node a = net.addExternal();
    Node b = net.addExternal();
    Node c = net.addExternal();
    joinMesh(net, r, a, T);
    joinMesh(net, r, b, T);
    joinMesh(net, r, c, T);
    Message m = signed(a, T, "bad", 1);

    a.send(r, publish(m));
    b.send(r, publish(m));
    net.pump();
    assertThat(validated).as("a duplicate is not revalidated").hasSize(1);
    assertThat(events.named("duplicate")).containsExactly("duplicate t " + b.id);

    verdicts.get(0).complete(ValidationResult.REJECT);
    net.pump();

    assertThat(r.delivered).isEmpty();
    assertThat(messages(c)).isEmpty();
    assertThat(r.router.score(a.id)).isEqualTo(-10.0);
    assertThat(r.router.score(b.id)).as("P4 for the duplicate sent during validation")
        .isEqualTo(-10.0);
    c.send(r, publish(m));
    net.pump();
    assertThat(r.router.score(c.id)).as("and for a duplicate after the reject").isEqualTo(-10.0);
  }

  @Test
  void anAsynchronousIgnoreDropsTheMessageWithoutPenalty() {
    Node r = router(async);
    Node a = net.addExternal();
    Node b = net.addExternal();
    joinMesh(net, r, a, T);
    joinMesh(net, r, b, T);
    Message m = signed(a, T, "meh", 1);
    a.send(r, publish(m));
    b.send(r, publish(m));
    net.pump();

    verdicts.get(0).complete(ValidationResult.IGNORE);
    net.pump();

    assertThat(r.delivered).isEmpty();
    assertThat(messages(b)).isEmpty();
    assertThat(r.router.score(a.id)).isZero();
    assertThat(r.router.score(b.id)).isZero();
    assertThat(events.named("ignored")).containsExactly("ignored t " + a.id);
  }

  @Test
  void aValidationStillPendingAfterTheTimeoutIsIgnoredAndItsLateVerdictDiscarded() {
    Node r = router(async, o -> o.withValidation(Duration.ofMillis(500), 16));
    Node a = net.addExternal();
    joinMesh(net, r, a, T);
    a.send(r, publish(signed(a, T, "slow", 1)));
    net.pump();

    net.heartbeats(9); // 450 ms
    assertThat(r.router.pendingValidations()).isEqualTo(1);
    net.heartbeats(1); // 500 ms
    assertThat(r.router.pendingValidations()).isZero();
    assertThat(events.named("ignored")).containsExactly("ignored t " + a.id);

    verdicts.get(0).complete(ValidationResult.ACCEPT);
    net.pump();
    assertThat(r.delivered).isEmpty();
    assertThat(r.router.score(a.id)).isZero();
  }

  @Test
  void messagesBeyondThePendingBoundAreIgnoredWithoutPenalty() {
    Node r = router(async, o -> o.withValidation(Duration.ofSeconds(5), 2));
    Node a = net.addExternal();
    joinMesh(net, r, a, T);
    for (int i = 0; i < 3; i++) {
      a.send(r, publish(signed(a, T, "m" + i, i)));
    }
    net.pump();

    assertThat(r.router.pendingValidations()).isEqualTo(2);
    assertThat(events.named("ignored")).containsExactly("ignored t " + a.id);
    verdicts.forEach(f -> f.complete(ValidationResult.ACCEPT));
    net.pump();
    assertThat(r.delivered).extracting(d -> d.msg().getData().toStringUtf8())
        .containsExactly("m0", "m1");
    assertThat(r.router.score(a.id)).isZero();
  }

  @Test
  void aDuplicateAfterAcceptanceIsNotRevalidatedNorRedelivered() {
    Node r = router(async);
    Node a = net.addExternal();
    Node b = net.addExternal();
    joinMesh(net, r, a, T);
    joinMesh(net, r, b, T);
    Message m = signed(a, T, "once", 1);
    a.send(r, publish(m));
    net.pump();
    verdicts.get(0).complete(ValidationResult.ACCEPT);
    net.pump();

    b.send(r, publish(m));
    net.pump();

    assertThat(validated).hasSize(1);
    assertThat(r.delivered).hasSize(1);
  }

  @Test
  void ourOwnPublishesAreNotValidatedByTheRouter() {
    Node r = router(m -> {
      validated.add(m);
      return CompletableFuture.completedFuture(ValidationResult.REJECT);
    });
    Node a = net.addExternal();
    joinMesh(net, r, a, T);

    r.router.publish(T, new byte[] {1});
    net.pump();

    assertThat(validated).isEmpty();
    assertThat(messages(a)).hasSize(1);
  }

  @Test
  void aDuplicateDuringValidationEarnsMeshDeliveryCreditWhenAcceptedButALateOneDoesNot() {
    PeerScoreParams p3 = PeerScoreParams.disabled().toBuilder()
        .decayInterval(Duration.ofSeconds(1))
        .topic(T, TopicScoreParams.disabled().toBuilder().topicWeight(1)
            .meshMessageDeliveriesWeight(-1).meshMessageDeliveriesThreshold(0.5)
            .meshMessageDeliveriesCap(1).meshMessageDeliveriesDecay(0.99)
            .meshMessageDeliveriesWindow(Duration.ofMillis(10))
            .meshMessageDeliveriesActivation(Duration.ZERO).meshFailurePenaltyWeight(-1).build())
        .build();
    Node r = router(async, o -> o.withScoring(p3, PeerScoreThresholds.disabled()));
    Node first = net.addExternal();
    Node during = net.addExternal();
    Node late = net.addExternal();
    joinMesh(net, r, first, T);
    joinMesh(net, r, during, T);
    joinMesh(net, r, late, T);
    Message m = signed(first, T, "m", 1);

    first.send(r, publish(m));
    during.send(r, publish(m));
    net.pump();
    net.clock.advance(Duration.ofMillis(200)); // a slow validator
    verdicts.get(0).complete(ValidationResult.ACCEPT);
    net.pump();
    net.clock.advance(Duration.ofMillis(100)); // past the near-first window
    late.send(r, publish(m));
    net.pump();
    net.clock.advance(Duration.ofSeconds(1));
    net.heartbeats(1); // refresh: mesh time passes the activation

    assertThat(r.router.score(first.id)).isZero();
    assertThat(r.router.score(during.id)).as("near-first: it arrived during validation").isZero();
    assertThat(r.router.meshPeers(T)).as("the deficit made it negative: pruned")
        .containsExactlyInAnyOrder(first.id, during.id);
    assertThat(r.router.score(late.id)).as("P3 deficit (0.5 - 0)^2, now P3b").isEqualTo(-0.25);
  }

  @Test
  void aCopyOfASeenIdIsADuplicateWithoutASignatureCheckAsInGoAndJs() {
    Node r = router(MessageValidation.ACCEPT_ALL);
    Node a = net.addExternal();
    Node b = net.addExternal();
    joinMesh(net, r, a, T);
    joinMesh(net, r, b, T);
    Message m = signed(a, T, "genuine", 1);
    a.send(r, publish(m));
    net.pump();

    b.send(r, publish(m.toBuilder()
        .setData(com.google.protobuf.ByteString.copyFromUtf8("tampered")).build()));
    net.pump();

    assertThat(r.delivered).extracting(d -> d.msg().getData().toStringUtf8())
        .containsExactly("genuine");
    assertThat(events.named("duplicate")).containsExactly("duplicate t " + b.id);
    assertThat(events.named("rejected")).isEmpty();
  }
}
