package dev.icon.gossip.score;

import static dev.icon.gossip.score.ScoreTestSupport.ip;
import static dev.icon.gossip.score.ScoreTestSupport.peer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.gossip.score.ScoreTestSupport.ManualClock;
import dev.icon.overlay.identity.PeerId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The claims the default profiles' javadoc makes, checked against the thresholds. */
class DefaultProfileTest {
  private static final String TOPIC = "t";
  private final ManualClock clock = new ManualClock();
  private final PeerScoreThresholds thresholds = PeerScoreThresholds.defaults();

  private PeerScore scorer() {
    return new PeerScore(
        PeerScoreParams.builder().topic(TOPIC, TopicScoreParams.defaults()).build(), clock);
  }

  @ParameterizedTest(name = "{0} invalid messages: gossip {1}, publish {2}, graylisted {3}")
  @CsvSource({"0, true, true, false", "1, true, true, false", "2, false, true, false",
      "3, false, false, true"})
  void invalidMessagesWalkDownTheThresholds(int invalid, boolean gossip, boolean publish,
      boolean graylisted) {
    PeerScore score = scorer();
    PeerId p = peer(1);
    score.addPeer(p, ip("192.0.2.1"));
    for (int i = 0; i < invalid; i++) {
      score.markInvalid(p, TOPIC);
    }
    double s = score.score(p);
    assertThat(thresholds.allowsGossip(s)).isEqualTo(gossip);
    assertThat(thresholds.allowsPublish(s)).isEqualTo(publish);
    assertThat(thresholds.isGraylisted(s)).isEqualTo(graylisted);
  }

  @ParameterizedTest(name = "{0} broken promises: score {1}")
  @CsvSource({"1, 0", "2, -10", "3, -40", "4, -90"})
  void behaviourPenaltyToleratesOne(int penalties, double expected) {
    PeerScore score = scorer();
    PeerId p = peer(1);
    score.addPeer(p, ip("192.0.2.1"));
    score.addPenalty(p, penalties);
    assertThat(score.score(p)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} peers on {1}: each scores {2}")
  @CsvSource({"10, 192.0.2.7, 0", "12, 192.0.2.7, -20", "14, 192.0.2.7, -80",
      "50, 127.0.0.1, 0", "50, ::1, 0"})
  void colocationToleratesTenPeersPerIpAndLoopback(int peers, String address, double expected) {
    PeerScore score = scorer();
    for (int i = 0; i < peers; i++) {
      score.addPeer(peer(i), ip(address));
    }
    assertThat(score.score(peer(0))).isEqualTo(expected);
  }
}
