package dev.icon.gossip.score;

import static dev.icon.gossip.score.ScoreTestSupport.ip;
import static dev.icon.gossip.score.ScoreTestSupport.peer;
import static dev.icon.gossip.score.ScoreTestSupport.zeroGlobal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.icon.gossip.score.ScoreTestSupport.ManualClock;
import dev.icon.overlay.identity.PeerId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Table-driven checks of the global components P5, P6 and P7. */
class PeerScoreGlobalComponentsTest {
  private final ManualClock clock = new ManualClock();

  @ParameterizedTest(name = "P5 app {0} x weight {1} = {2}")
  @CsvSource({"0, 10, 0", "3, 10, 30", "-2.5, 4, -10", "7, 0, 0"})
  void p5AppSpecificScoreTimesWeight(double app, double weight, double expected) {
    PeerId a = peer(1);
    PeerId other = peer(2);
    Map<PeerId, Double> appScores = Map.of(a, app);
    PeerScore score = new PeerScore(zeroGlobal().appSpecificWeight(weight)
        .appSpecificScore(p -> appScores.getOrDefault(p, 0.0)).build(), clock);
    score.addPeer(a, null);
    score.addPeer(other, null);
    assertThat(score.score(a)).isEqualTo(expected);
    assertThat(score.score(other)).isZero();
  }

  @ParameterizedTest(name = "P6 {0} peers on one IP, threshold {1}: each scores {2}")
  @CsvSource({"1, 1, 0", "2, 1, -1", "3, 1, -4", "5, 2, -9", "4, 1.5, -6.25", "3, 3, 0"})
  void p6ColocationSurplusSquared(int peersOnIp, double threshold, double expected) {
    PeerScore score = new PeerScore(zeroGlobal().ipColocationFactorWeight(-1)
        .ipColocationFactorThreshold(threshold).build(), clock);
    for (int i = 0; i < peersOnIp; i++) {
      score.addPeer(peer(i), ip("192.0.2.1"));
    }
    PeerId loner = peer(100);
    score.addPeer(loner, ip("192.0.2.2"));
    for (int i = 0; i < peersOnIp; i++) {
      assertThat(score.score(peer(i))).isEqualTo(expected);
    }
    assertThat(score.score(loner)).isZero();
  }

  @Test
  void p6FollowsDisconnectsIpChangesAndWhitelist() {
    PeerScore score = new PeerScore(zeroGlobal().ipColocationFactorWeight(-1)
        .ipColocationFactorWhitelist(List.of(IpSubnet.parse("10.0.0.0/8"))).build(), clock);
    PeerId a = peer(1);
    PeerId b = peer(2);
    PeerId c = peer(3);
    score.addPeer(a, ip("198.51.100.7"));
    score.addPeer(b, ip("198.51.100.7"));
    score.addPeer(c, ip("198.51.100.7"));
    assertThat(score.score(a)).isEqualTo(-4);
    score.updateIps(c, List.of(ip("203.0.113.9")));
    assertThat(score.score(a)).isEqualTo(-1);
    assertThat(score.score(c)).isZero();
    score.removePeer(b); // b's score is retained but it no longer occupies the IP
    assertThat(score.score(a)).isZero();
    assertThat(score.score(b)).as("a retained peer scores no P6").isZero();
    score.addPeer(b, ip("198.51.100.7"));
    assertThat(score.score(a)).isEqualTo(-1);
    assertThat(score.score(b)).isEqualTo(-1);

    score.addPeer(peer(4), ip("10.1.1.1"));
    score.addPeer(peer(5), ip("10.1.1.1"));
    score.addPeer(peer(6), ip("10.1.1.1"));
    assertThat(score.score(peer(4))).as("whitelisted subnet").isZero();
  }

  @ParameterizedTest(name = "P7 {0} penalties over threshold 2 = {1}")
  @CsvSource({"0, 0", "1, 0", "2, 0", "3, -1", "5, -9", "12, -100"})
  void p7ExcessOverThresholdSquared(int penalties, double expected) {
    PeerScore score = new PeerScore(zeroGlobal().behaviourPenaltyWeight(-1)
        .behaviourPenaltyThreshold(2).build(), clock);
    PeerId a = peer(1);
    score.addPeer(a, null);
    for (int i = 0; i < penalties; i++) {
      score.addPenalty(a, 1);
    }
    assertThat(score.score(a)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "P7 counter {0} after {1} decays of 0.5 = score {2}")
  @CsvSource({"6, 0, -16", "6, 1, -1", "6, 2, 0", "0.3, 0, 0"})
  void p7Decays(double count, int decays, double expected) {
    PeerScore score = new PeerScore(zeroGlobal().behaviourPenaltyWeight(-1)
        .behaviourPenaltyThreshold(2).behaviourPenaltyDecay(0.5).build(), clock);
    PeerId a = peer(1);
    score.addPeer(a, null);
    score.addPenalty(a, (int) Math.round(count));
    for (int i = 0; i < decays; i++) {
      score.refreshScores();
    }
    assertThat(score.score(a)).isCloseTo(expected, within(1e-9));
  }

  @Test
  void negativePenaltyCountIsRefused() {
    PeerScore score = new PeerScore(PeerScoreParams.defaults(), clock);
    score.addPeer(peer(1), null);
    assertThatThrownBy(() -> score.addPenalty(peer(1), -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("count ");
  }

  @Test
  void unknownPeersScoreZeroAndEventsAboutThemAreIgnored() {
    PeerScore score = new PeerScore(PeerScoreParams.defaults(), clock);
    PeerId stranger = peer(9);
    score.addPenalty(stranger, 5);
    score.graft(stranger, "t");
    score.markInvalid(stranger, "t");
    score.removePeer(stranger);
    assertThat(score.score(stranger)).isZero();
    assertThat(score.isTracked(stranger)).isFalse();
  }
}
