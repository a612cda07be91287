package dev.icon.gossip.score;

import dev.icon.overlay.identity.PeerId;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/** Shared test helpers: a manual nano clock, deterministic peer ids and IPs, zeroed params. */
final class ScoreTestSupport {
  private ScoreTestSupport() {}

  /** A clock the test advances by hand; starts at an arbitrary non-zero value. */
  static final class ManualClock implements LongSupplier {
    private long now = 1_000_000_000L;

    @Override
    public long getAsLong() {
      return now;
    }

    void advance(Duration d) {
      now += d.toNanos();
    }
  }

  /** A sha2-256 multihash peer id whose digest is filled with {@code n}. */
  static PeerId peer(int n) {
    byte[] bytes = new byte[34];
    bytes[0] = 0x12;
    bytes[1] = 0x20;
    for (int i = 2; i < bytes.length; i++) {
      bytes[i] = (byte) n;
    }
    return PeerId.fromBytes(bytes);
  }

  static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  /** Topic params with every weight zero, topic weight 1: tests switch on one component. */
  static TopicScoreParams.Builder zeroTopic() {
    return TopicScoreParams.disabled().toBuilder().topicWeight(1);
  }

  /**
   * Global params with every global weight zero and no topic cap; P6 threshold 1 and an empty
   * whitelist so tests that switch P6 on see every colocated peer.
   */
  static PeerScoreParams.Builder zeroGlobal() {
    return PeerScoreParams.disabled().toBuilder().topicScoreCap(0)
        .ipColocationFactorThreshold(1).ipColocationFactorWhitelist(List.of());
  }
}
