package dev.icon.gossip.core;

import dev.icon.gossip.router.GossipConfig;
import dev.icon.gossip.score.PeerScoreParams;
import dev.icon.gossip.score.PeerScoreThresholds;
import dev.icon.gossip.wire.GossipWireException;
import dev.icon.gossip.wire.MessageIdFunction;
import dev.icon.gossip.wire.MessageSigner;
import dev.icon.gossip.wire.SignaturePolicy;
import dev.icon.gossip.wire.StandardMessageIdFunction;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * Everything a {@link GossipRouter} needs besides its key and its seams. Immutable.
 *
 * @param config gossipsub parameters
 * @param scoreParams peer scoring parameters ({@link PeerScoreParams#disabled()} turns scoring off)
 * @param thresholds score thresholds ({@link PeerScoreThresholds#disabled()} with scoring off)
 * @param idFunction message id function; every peer of a topic must use the same one
 * @param nanoClock monotonic nanoseconds ({@code System::nanoTime} in production)
 * @param random randomness for mesh choices and the seqno start (seeded in tests)
 * @param signaturePolicy {@link SignaturePolicy#STRICT_SIGN} (default) signs our messages and
 *     requires signatures; {@link SignaturePolicy#STRICT_NO_SIGN} sends anonymous messages (no
 *     from, seqno, signature, key) and rejects messages carrying any of them
 * @param validationTimeout an application validation still pending after this long counts as
 *     IGNORE (default {@link #DEFAULT_VALIDATION_TIMEOUT})
 * @param maxPendingValidations messages parked for asynchronous validation at once; a message
 *     beyond it is ignored without penalty (default {@link #DEFAULT_MAX_PENDING_VALIDATIONS})
 */
public record GossipRouterOptions(GossipConfig config, PeerScoreParams scoreParams,
    PeerScoreThresholds thresholds, MessageIdFunction idFunction, LongSupplier nanoClock,
    RandomGenerator random, SignaturePolicy signaturePolicy, Duration validationTimeout,
    int maxPendingValidations) {

  /** Default {@link #validationTimeout()}: 5 s, as the public API's settings. */
  public static final Duration DEFAULT_VALIDATION_TIMEOUT = Duration.ofSeconds(5);
  /** Default {@link #maxPendingValidations()}: go's validation queue size is 32; we allow more. */
  public static final int DEFAULT_MAX_PENDING_VALIDATIONS = 1024;

  /**
   * Rejects nulls (naming the field), a non-positive timeout or pending bound, and under StrictNoSign
   * an id function that needs a field such messages do not carry.
   */
  public GossipRouterOptions {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(scoreParams, "scoreParams");
    Objects.requireNonNull(thresholds, "thresholds");
    Objects.requireNonNull(idFunction, "idFunction");
    Objects.requireNonNull(nanoClock, "nanoClock");
    Objects.requireNonNull(random, "random");
    Objects.requireNonNull(signaturePolicy, "signaturePolicy");
    Objects.requireNonNull(validationTimeout, "validationTimeout");
    if (validationTimeout.isNegative() || validationTimeout.isZero()) {
      throw new IllegalArgumentException("validationTimeout must be positive: " + validationTimeout);
    }
    if (maxPendingValidations < 1) {
      throw new IllegalArgumentException(
          "maxPendingValidations must be >= 1: " + maxPendingValidations);
    }
    if (signaturePolicy == SignaturePolicy.STRICT_NO_SIGN) {
      try {
        idFunction.idOf(MessageSigner.unsigned("probe", new byte[] {1}));
      } catch (GossipWireException e) {
        throw new IllegalArgumentException("idFunction cannot identify StrictNoSign messages, "
            + "which carry no from and no seqno (" + e.getMessage() + "); use SHA256_DATA", e);
      }
    }
  }

  /** StrictSign with the default validation timeout and pending bound. */
  public GossipRouterOptions(GossipConfig config, PeerScoreParams scoreParams,
      PeerScoreThresholds thresholds, MessageIdFunction idFunction, LongSupplier nanoClock,
      RandomGenerator random) {
    this(config, scoreParams, thresholds, idFunction, nanoClock, random, SignaturePolicy.STRICT_SIGN,
        DEFAULT_VALIDATION_TIMEOUT, DEFAULT_MAX_PENDING_VALIDATIONS);
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
    return new GossipRouterOptions(config, params, thresholds, idFunction, nanoClock, random,
        signaturePolicy, validationTimeout, maxPendingValidations);
  }

  /**
   * A copy with another signature policy and id function (they go together: StrictNoSign needs an
   * id function of the content, such as {@link StandardMessageIdFunction#SHA256_DATA}).
   */
  public GossipRouterOptions withSignaturePolicy(SignaturePolicy policy, MessageIdFunction ids) {
    return new GossipRouterOptions(config, scoreParams, thresholds, ids, nanoClock, random, policy,
        validationTimeout, maxPendingValidations);
  }

  /** A copy with another validation timeout and bound on pending validations. */
  public GossipRouterOptions withValidation(Duration timeout, int maxPending) {
    return new GossipRouterOptions(config, scoreParams, thresholds, idFunction, nanoClock, random,
        signaturePolicy, timeout, maxPending);
  }
}
