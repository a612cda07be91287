package dev.icon.gossip.score;

import static dev.icon.gossip.score.ScoreTestSupport.ip;
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

/** Decay to zero, score retention after disconnect, and delivery record expiry. */
class PeerScoreLifecycleTest {
  private static final String TOPIC = "t";
  private final ManualClock clock = new ManualClock();
  private final PeerId a = peer(1);

  private PeerScore scorer(PeerScoreParams.Builder global, TopicScoreParams topic) {
    PeerScore score = new PeerScore(global.topic(TOPIC, topic).build(), clock);
    score.addPeer(a, ip("192.0.2.10"));
    return score;
  }

  private void invalid(PeerScore score, PeerId from, int n) {
    for (int i = 0; i < n; i++) {
      score.markInvalid(from, TOPIC);
    }
  }

  @ParameterizedTest(name = "decayToZero {0}: after {1} decays of 0.5 the P2 counter is {2}")
  @CsvSource({"0.3, 1, 0.5", "0.3, 2, 0", "0.2, 2, 0.25", "0.2, 3, 0", "0.01, 6, 0.015625",
      "0.01, 7, 0"})
  void decayedCountersSnapToZero(double decayToZero, int decays, double expected) {
    PeerScore score = scorer(zeroGlobal().decayToZero(decayToZero),
        zeroTopic().firstMessageDeliveriesWeight(1).firstMessageDeliveriesDecay(0.5).build());
    score.validateMessage("m", a);
    score.deliverMessage("m", a, TOPIC);
    for (int i = 0; i < decays; i++) {
      score.refreshScores();
    }
    assertThat(score.score(a)).isEqualTo(expected);
  }

  @Test
  void negativeScoreIsRetainedKeepsDecayingThenIsForgotten() {
    PeerScore score = scorer(zeroGlobal().retainScore(Duration.ofMinutes(10)),
        zeroTopic().invalidMessageDeliveriesWeight(-1).invalidMessageDeliveriesDecay(0.5).build());
    invalid(score, a, 8);
    score.removePeer(a);
    assertThat(score.isTracked(a)).isTrue();
    assertThat(score.score(a)).isEqualTo(-64);
    score.addPeer(a, ip("192.0.2.10")); // reconnecting does not reset the score
    assertThat(score.score(a)).isEqualTo(-64);

    score.removePeer(a);
    clock.advance(Duration.ofMinutes(1));
    score.refreshScores();
    assertThat(score.score(a)).as("retained counters decay like idle ones").isEqualTo(-16);
    clock.advance(Duration.ofMinutes(9));
    score.refreshScores();
    assertThat(score.isTracked(a)).as("retention over").isFalse();
    assertThat(score.score(a)).isZero();
    score.addPeer(a, null);
    assertThat(score.score(a)).isZero();
  }

  @Test
  void positiveScoreIsRetainedToo() {
    PeerScore score = scorer(zeroGlobal(),
        zeroTopic().firstMessageDeliveriesWeight(1).build());
    score.validateMessage("m", a);
    score.deliverMessage("m", a, TOPIC);
    assertThat(score.score(a)).isEqualTo(1);
    score.removePeer(a);
    score.addPeer(a, null);
    assertThat(score.score(a)).as("a well behaving peer keeps its status").isEqualTo(1);
  }

  @Test
  void zeroRetentionForgetsAtOnce() {
    PeerScore score = scorer(zeroGlobal().retainScore(Duration.ZERO),
        zeroTopic().invalidMessageDeliveriesWeight(-1).build());
    invalid(score, a, 2);
    score.removePeer(a);
    assertThat(score.isTracked(a)).isFalse();
    assertThat(score.score(a)).isZero();
  }

  @Test
  void disconnectLeavesTheMeshChargingAnActiveDeficit() {
    PeerScore score = scorer(zeroGlobal(), zeroTopic()
        .firstMessageDeliveriesWeight(1)
        .timeInMeshWeight(1)
        .invalidMessageDeliveriesWeight(-1)
        .meshMessageDeliveriesWeight(-1).meshMessageDeliveriesThreshold(3)
        .meshMessageDeliveriesActivation(Duration.ZERO)
        .meshFailurePenaltyWeight(-1).build());
    score.graft(a, TOPIC);
    clock.advance(Duration.ofSeconds(1));
    score.refreshScores(); // P1 = 1, P3 active
    score.validateMessage("m", a);
    score.deliverMessage("m", a, TOPIC); // P2 = 1, P3 deficit 2 -> -4
    invalid(score, a, 1);
    assertThat(score.score(a)).isEqualTo(1 + 1 - 4 - 1);
    score.removePeer(a);
    assertThat(score.score(a)).as("P1 and P3 gone, P3b = 4").isEqualTo(1 - 4 - 1);
    score.addPeer(a, null);
    score.graft(a, TOPIC);
    assertThat(score.score(a)).as("regraft restarts P1 and P3 activation").isEqualTo(1 - 4 - 1);
  }

  @Test
  void deliveryRecordsExpireSoLateDuplicatesAreNotPunished() {
    PeerId b = peer(2);
    PeerScore score = scorer(zeroGlobal().deliveryRecordTtl(Duration.ofSeconds(30)),
        zeroTopic().invalidMessageDeliveriesWeight(-1).build());
    score.addPeer(b, null);
    score.validateMessage("x", a);
    score.rejectMessage("x", a, TOPIC, RejectReason.VALIDATION_FAILED);
    score.duplicateMessage("x", b, TOPIC);
    assertThat(score.score(b)).isEqualTo(-1);
    clock.advance(Duration.ofSeconds(31));
    score.refreshScores();
    double decayedOnce = -(0.99 * 0.99); // P4 counter decayed once by the default 0.99
    assertThat(score.score(b)).isCloseTo(decayedOnce, within(1e-12));
    score.duplicateMessage("x", b, TOPIC); // record gone: treated as a new, validating message
    assertThat(score.score(b)).isCloseTo(decayedOnce, within(1e-12));
  }

  @Test
  void deliveryRecordsAreBoundedTheOldestGoingFirst() {
    PeerId b = peer(2);
    PeerScore score = scorer(zeroGlobal().maxDeliveryRecords(2),
        zeroTopic().invalidMessageDeliveriesWeight(-1).build());
    score.addPeer(b, null);
    score.validateMessage("x", a);
    score.rejectMessage("x", a, TOPIC, RejectReason.VALIDATION_FAILED);
    score.validateMessage("y", a);
    score.duplicateMessage("x", b, TOPIC);
    assertThat(score.score(b)).as("x still recorded as invalid").isEqualTo(-1);

    score.validateMessage("z", a); // a third record evicts x, the oldest
    score.duplicateMessage("x", a, TOPIC);
    assertThat(score.score(a)).as("x forgotten: a new, validating record").isEqualTo(-1);
  }
}
