package dev.icon.gossip.score;

import static dev.icon.gossip.score.ScoreTestSupport.peer;
import static dev.icon.gossip.score.ScoreTestSupport.zeroGlobal;
import static dev.icon.gossip.score.ScoreTestSupport.zeroTopic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.icon.gossip.score.ScoreTestSupport.ManualClock;
import dev.icon.overlay.identity.PeerId;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Table-driven checks of the per-topic components P1, P2, P3, P3b and P4. */
class PeerScoreTopicComponentsTest {
  private static final String TOPIC = "t";
  private final ManualClock clock = new ManualClock();
  private final PeerId a = peer(1);
  private final PeerId b = peer(2);
  private int nextMessage;

  private PeerScore scorer(TopicScoreParams topic) {
    PeerScore score = new PeerScore(zeroGlobal().topic(TOPIC, topic).build(), clock);
    score.addPeer(a, null);
    score.addPeer(b, null);
    return score;
  }

  /** A fresh message first received from {@code from} and accepted. */
  private Object deliverNew(PeerScore score, PeerId from) {
    Object id = "m" + nextMessage++;
    score.validateMessage(id, from);
    score.deliverMessage(id, from, TOPIC);
    return id;
  }

  @ParameterizedTest(name = "P1 after {0} ms in mesh = {1}")
  @CsvSource({"0, 0", "999, 0", "1000, 1", "2500, 2", "10000, 10", "60000, 10"})
  void p1TimeInMeshCountsWholeQuantaUpToCap(long millis, double expected) {
    PeerScore score = scorer(zeroTopic().timeInMeshWeight(1)
        .timeInMeshQuantum(Duration.ofSeconds(1)).timeInMeshCap(10).build());
    score.graft(a, TOPIC);
    clock.advance(Duration.ofMillis(millis));
    score.refreshScores();
    assertThat(score.score(a)).isEqualTo(expected);
    score.prune(a, TOPIC);
    assertThat(score.score(a)).as("P1 stops once pruned").isZero();
  }

  @Test
  void repeatedGraftDoesNotResetTimeInMesh() {
    PeerScore score = scorer(zeroTopic().timeInMeshWeight(1).timeInMeshCap(100).build());
    score.graft(a, TOPIC);
    clock.advance(Duration.ofSeconds(3));
    score.graft(a, TOPIC);
    score.refreshScores();
    assertThat(score.score(a)).isEqualTo(3);
  }

  @Test
  void p1IsUpdatedLazilyAtRefresh() {
    PeerScore score = scorer(zeroTopic().timeInMeshWeight(1).timeInMeshCap(100).build());
    score.graft(a, TOPIC);
    clock.advance(Duration.ofSeconds(5));
    assertThat(score.score(a)).isZero();
    score.refreshScores();
    assertThat(score.score(a)).isEqualTo(5);
  }

  @ParameterizedTest(name = "P2 {0} deliveries, {1} decays = {2}")
  @CsvSource({"3, 0, 3", "10, 0, 5", "4, 1, 2", "4, 2, 1", "5, 3, 0.625", "1, 7, 0"})
  void p2FirstDeliveriesCappedAndDecayed(int deliveries, int decays, double expected) {
    PeerScore score = scorer(zeroTopic().firstMessageDeliveriesWeight(1)
        .firstMessageDeliveriesCap(5).firstMessageDeliveriesDecay(0.5).build());
    for (int i = 0; i < deliveries; i++) {
      deliverNew(score, a);
    }
    for (int i = 0; i < decays; i++) {
      score.refreshScores();
    }
    assertThat(score.score(a)).isCloseTo(expected, within(1e-9));
    assertThat(score.score(b)).as("only the first deliverer earns P2").isZero();
  }

  private TopicScoreParams p3Params() {
    return zeroTopic().meshMessageDeliveriesWeight(-1).meshMessageDeliveriesThreshold(4)
        .meshMessageDeliveriesCap(10).meshMessageDeliveriesDecay(0.5)
        .meshMessageDeliveriesActivation(Duration.ofSeconds(1))
        .meshMessageDeliveriesWindow(Duration.ofMillis(10))
        .meshFailurePenaltyWeight(-1).meshFailurePenaltyDecay(0.5).build();
  }

  @ParameterizedTest(name = "P3 {0} ms in mesh, {1} deliveries = {2}")
  @CsvSource({"500, 0, 0", "1000, 0, 0", "2000, 0, -16", "2000, 1, -9", "2000, 3, -1",
      "2000, 4, 0", "2000, 12, 0"})
  void p3DeficitSquaredOnlyAfterActivation(long millis, int deliveries, double expected) {
    PeerScore score = scorer(p3Params());
    score.graft(a, TOPIC);
    clock.advance(Duration.ofMillis(millis));
    score.refreshScores();
    for (int i = 0; i < deliveries; i++) {
      deliverNew(score, a);
    }
    assertThat(score.score(a)).isEqualTo(expected);
  }

  @Test
  void p3CountsNearFirstDeliveriesFromMeshPeersOnly() {
    PeerScore score = scorer(p3Params());
    score.graft(a, TOPIC);
    clock.advance(Duration.ofSeconds(2));
    score.refreshScores();
    assertThat(score.score(a)).isEqualTo(-16);

    Object duringValidation = "v";
    score.validateMessage(duringValidation, b);
    score.duplicateMessage(duringValidation, a, TOPIC);
    score.deliverMessage(duringValidation, b, TOPIC);
    assertThat(score.score(a)).as("delivered while validating").isEqualTo(-9);

    Object m = deliverNew(score, b);
    clock.advance(Duration.ofMillis(10));
    score.duplicateMessage(m, a, TOPIC);
    assertThat(score.score(a)).as("within the window").isEqualTo(-4);

    Object late = deliverNew(score, b);
    clock.advance(Duration.ofMillis(11));
    score.duplicateMessage(late, a, TOPIC);
    assertThat(score.score(a)).as("after the window").isEqualTo(-4);

    Object notMesh = deliverNew(score, a);
    score.duplicateMessage(notMesh, b, TOPIC);
    assertThat(score.score(b)).as("b is not in the mesh: no P3 either way").isZero();
    assertThat(score.score(a)).isEqualTo(-1);
  }

  @ParameterizedTest(name = "P3b after prune with {0} deliveries = {1}, decayed once = {2}")
  @CsvSource({"0, -16, -8", "2, -4, -2", "4, 0, 0"})
  void p3bAddsDeficitSquaredAtPrune(int deliveries, double expected, double afterDecay) {
    PeerScore score = scorer(p3Params());
    score.graft(a, TOPIC);
    clock.advance(Duration.ofSeconds(2));
    score.refreshScores();
    for (int i = 0; i < deliveries; i++) {
      deliverNew(score, a);
    }
    score.prune(a, TOPIC);
    assertThat(score.score(a)).isEqualTo(expected);
    score.refreshScores();
    assertThat(score.score(a)).isEqualTo(afterDecay);
  }

  @Test
  void p3bNotAppliedWhenPrunedBeforeActivation() {
    PeerScore score = scorer(p3Params());
    score.graft(a, TOPIC);
    clock.advance(Duration.ofMillis(500));
    score.refreshScores();
    score.prune(a, TOPIC);
    assertThat(score.score(a)).isZero();
  }

  @ParameterizedTest(name = "P4 {0} invalid, {1} decays = {2}")
  @CsvSource({"1, 0, -1", "3, 0, -9", "4, 1, -4", "4, 2, -1", "10, 0, -100"})
  void p4InvalidDeliveriesSquared(int invalid, int decays, double expected) {
    PeerScore score = scorer(zeroTopic().invalidMessageDeliveriesWeight(-1)
        .invalidMessageDeliveriesDecay(0.5).build());
    for (int i = 0; i < invalid; i++) {
      Object id = "bad" + i;
      score.validateMessage(id, a);
      score.rejectMessage(id, a, TOPIC, RejectReason.VALIDATION_FAILED);
    }
    for (int i = 0; i < decays; i++) {
      score.refreshScores();
    }
    assertThat(score.score(a)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}: sender pays {1}, in-flight duplicate pays {2}, late duplicate {3}")
  @CsvSource({
    "VALIDATION_FAILED, -1, -1, -1",
    "VALIDATION_IGNORED, 0, 0, 0",
    "INVALID_SIGNATURE, -1, 0, 0",
    "MISSING_SIGNATURE, -1, 0, 0",
    "UNEXPECTED_SIGNATURE, -1, 0, 0",
    "SELF_ORIGIN, -1, 0, 0",
    "BLACKLISTED, 0, 0, 0",
    "THROTTLED, 0, 0, 0",
  })
  void rejectReasonDecidesWhoPays(RejectReason reason, double sender, double inFlight,
      double late) {
    PeerId c = peer(3);
    PeerScore score = scorer(zeroTopic().invalidMessageDeliveriesWeight(-1).build());
    score.addPeer(c, null);
    score.validateMessage("x", a);
    score.duplicateMessage("x", b, TOPIC);
    score.rejectMessage("x", a, TOPIC, reason);
    score.duplicateMessage("x", c, TOPIC);
    assertThat(score.score(a)).isEqualTo(sender);
    assertThat(score.score(b)).isEqualTo(inFlight);
    assertThat(score.score(c)).isEqualTo(late);
  }

  @Test
  void topicWeightsAndTopicCapApplyToTheTopicSum() {
    TopicScoreParams p2 = zeroTopic().firstMessageDeliveriesWeight(1).firstMessageDeliveriesCap(100)
        .build();
    PeerScoreParams params = zeroGlobal()
        .topic("half", p2.toBuilder().topicWeight(0.5).build())
        .topic("double", p2.toBuilder().topicWeight(2).build())
        .topicScoreCap(25)
        .build();
    PeerScore score = new PeerScore(params, clock);
    score.addPeer(a, null);
    for (int i = 0; i < 4; i++) {
      score.validateMessage("h" + i, a);
      score.deliverMessage("h" + i, a, "half");
      score.validateMessage("d" + i, a);
      score.deliverMessage("d" + i, a, "double");
    }
    assertThat(score.score(a)).isEqualTo(4 * 0.5 + 4 * 2);
    for (int i = 0; i < 10; i++) {
      score.validateMessage("d+" + i, a);
      score.deliverMessage("d+" + i, a, "double");
    }
    assertThat(score.score(a)).as("capped").isEqualTo(25);
    score.validateMessage("u", a);
    score.deliverMessage("u", a, "unconfigured");
    assertThat(score.score(a)).isEqualTo(25);
  }
}
