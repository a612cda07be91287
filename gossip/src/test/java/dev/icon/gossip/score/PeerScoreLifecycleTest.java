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
  void negativeScoreIsRetainedUndecayedThenForgotten() {
    PeerScore score = scorer(zeroGlobal().retainScore(Duration.ofMinutes(10)),
        zeroTopic().invalidMessageDeliveriesWeight(-1).invalidMessageDeliveriesDecay(0.5).build());
    invalid(score, a, 4);
    score.removePeer(a);
    assertThat(score.isTracked(a)).isTrue();
    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofMinutes(1));
      score.refreshScores();
    }
    assertThat(score.score(a)).as("retained scores do not decay").isEqualTo(-16);

    score.addPeer(a, ip("192.0.2.10")); // reconnect: the old score is back
    assertThat(score.score(a)).isEqualTo(-16);
    score.refreshScores();
    assertThat(score.score(a)).as("decays again once connected").isEqualTo(-4);

    score.removePeer(a);
    clock.advance(Duration.ofMinutes(10));
    score.refreshScores();
    assertThat(score.isTracked(a)).isFalse();
    assertThat(score.score(a)).isZero();
  }

  @Test
  void positiveScoreIsForgottenAtDisconnect() {
    PeerScore score = scorer(zeroGlobal(),
        zeroTopic().firstMessageDeliveriesWeight(1).build());
    score.validateMessage("m", a);
    score.deliverMessage("m", a, TOPIC);
    assertThat(score.score(a)).isPositive();
    score.removePeer(a);
    assertThat(score.isTracked(a)).isFalse();
    score.addPeer(a, null);
    assertThat(score.score(a)).isZero();
  }

  @Test
  void retentionDropsFirstDeliveriesAndChargesMeshDeficit() {
    PeerScore score = scorer(zeroGlobal(), zeroTopic()
        .firstMessageDeliveriesWeight(1)
        .invalidMessageDeliveriesWeight(-1)
        .meshMessageDeliveriesWeight(-1).meshMessageDeliveriesThreshold(3)
        .meshMessageDeliveriesActivation(Duration.ZERO)
        .meshFailurePenaltyWeight(-1).build());
    score.graft(a, TOPIC);
    clock.advance(Duration.ofSeconds(1));
    score.refreshScores();
    score.validateMessage("m", a);
    score.deliverMessage("m", a, TOPIC); // P2 = 1, P3 deficit 2 -> -4
    invalid(score, a, 1);
    assertThat(score.score(a)).isEqualTo(1 - 4 - 1);
    score.removePeer(a);
    assertThat(score.score(a)).as("P2 reset, P3 moves to P3b").isEqualTo(-4 - 1);
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
}
