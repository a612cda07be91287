package dev.icon.gossip.core;

import dev.icon.gossip.router.GossipConfig;
import dev.icon.gossip.score.PeerScoreParams;
import dev.icon.gossip.score.PeerScoreThresholds;
import dev.icon.gossip.wire.MessageIdFunction;
import dev.icon.gossip.wire.StandardMessageIdFunction;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * Everything a {@link GossipRouter} needs besides its key and its two seams. Immutable.
 *
 * @param config gossipsub parameters
 * @param scoreParams peer scoring parameters ({@link PeerScoreParams#disabled()} turns scoring off)
 * @param thresholds score thresholds ({@link PeerScoreThresholds#disabled()} with scoring off)
 * @param idFunction message id function; every peer of a topic must use the same one
 * @param nanoClock monotonic nanoseconds ({@code System::nanoTime} in production)
 * @param random randomness for mesh choices and the seqno start (seeded in tests)
 */
public record GossipRouterOptions(GossipConfig config, PeerScoreParams scoreParams,
    PeerScoreThresholds thresholds, MessageIdFunction idFunction, LongSupplier nanoClock,
    RandomGenerator random) {

  /** Rejects nulls, naming the field. */
  public GossipRouterOptions {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(scoreParams, "scoreParams");
    Objects.requireNonNull(thresholds, "thresholds");
    Objects.requireNonNull(idFunction, "idFunction");
    Objects.requireNonNull(nanoClock, "nanoClock");
    Objects.requireNonNull(random, "random");
  }

  /**
   * Scoring off, js-compatible StrictSign message ids ({@code pubkey || seqno}), the given config,
   * clock and randomness.
   */
  public static GossipRouterOptions unscored(GossipConfig config, LongSupplier nanoClock,
      RandomGenerator random) {
    return new GossipRouterOptions(config, PeerScoreParams.disabled(),
        PeerScoreThresholds.disabled(), StandardMessageIdFunction.PUBLIC_KEY_SEQNO, nanoClock, random);
  }

  /** A copy with other scoring parameters and thresholds. */
  public GossipRouterOptions withScoring(PeerScoreParams params, PeerScoreThresholds thresholds) {
    return new GossipRouterOptions(config, params, thresholds, idFunction, nanoClock, random);
  }
}
