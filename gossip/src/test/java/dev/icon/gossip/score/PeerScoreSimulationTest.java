package dev.icon.gossip.score;

import static dev.icon.gossip.score.ScoreTestSupport.ip;
import static dev.icon.gossip.score.ScoreTestSupport.peer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.gossip.score.ScoreTestSupport.ManualClock;
import dev.icon.overlay.identity.PeerId;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded randomized run of the default profiles: two honest mesh peers forward a random stream of
 * valid messages (first or near-first, sometimes late), an attacker in the mesh sends only
 * invalid messages and replays valid ones late. The attacker must end below the graylist while
 * the honest peers stay positive throughout.
 */
class PeerScoreSimulationTest {
  private static final String TOPIC = "chat";
  private static final Duration TICK = Duration.ofMillis(100);
  private static final int TICKS = 1200; // two simulated minutes

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 7, 42, 1234, 20261128})
  void invalidOnlyPeerIsGraylistedWhileHonestPeersStayPositive(long seed) {
    Random random = new Random(seed);
    ManualClock clock = new ManualClock();
    PeerScoreThresholds thresholds = PeerScoreThresholds.defaults();
    PeerScore score = new PeerScore(
        PeerScoreParams.builder().topic(TOPIC, TopicScoreParams.defaults()).build(), clock);
    List<PeerId> honest = List.of(peer(1), peer(2));
    PeerId attacker = peer(66);
    score.addPeer(honest.get(0), ip("192.0.2.1"));
    score.addPeer(honest.get(1), ip("198.51.100.1"));
    score.addPeer(attacker, ip("203.0.113.66"));
    for (PeerId p : List.of(honest.get(0), honest.get(1), attacker)) {
      score.graft(p, TOPIC);
    }

    long messages = 0;
    long ticksPerRefresh = PeerScoreParams.defaults().decayInterval().toNanos() / TICK.toNanos();
    for (int tick = 1; tick <= TICKS; tick++) {
      if (random.nextDouble() < 0.6) {
        Object id = "valid-" + messages++;
        PeerId first = honest.get(random.nextInt(2));
        PeerId second = honest.get(1 - honest.indexOf(first));
        score.validateMessage(id, first);
        if (random.nextBoolean()) {
          score.duplicateMessage(id, second, TOPIC); // arrives while validating
          score.deliverMessage(id, first, TOPIC);
        } else {
          score.deliverMessage(id, first, TOPIC);
          clock.advance(Duration.ofMillis(random.nextInt(20)));
          score.duplicateMessage(id, second, TOPIC); // near-first or a little late
        }
        clock.advance(Duration.ofMillis(50 + random.nextInt(50)));
        score.duplicateMessage(id, attacker, TOPIC); // late replay: earns nothing
      }
      if (random.nextDouble() < 0.3) {
        Object bad = "bad-" + seed + "-" + tick;
        score.validateMessage(bad, attacker);
        score.rejectMessage(bad, attacker, TOPIC, RejectReason.VALIDATION_FAILED);
      }
      clock.advance(TICK);
      if (tick % ticksPerRefresh == 0) {
        score.refreshScores();
        for (PeerId p : honest) {
          assertThat(score.score(p)).as("honest %s at tick %d", p, tick).isPositive();
        }
      }
    }

    assertThat(score.score(attacker)).isLessThan(thresholds.graylistThreshold());
    assertThat(thresholds.isGraylisted(score.score(attacker))).isTrue();
    for (PeerId p : honest) {
      assertThat(score.score(p)).isPositive();
      assertThat(thresholds.isGraylisted(score.score(p))).isFalse();
      assertThat(thresholds.allowsPublish(score.score(p))).isTrue();
    }
  }
}
