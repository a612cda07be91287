package dev.icon.gossip.score;

import static dev.icon.gossip.score.ScoreChecks.atLeast;
import static dev.icon.gossip.score.ScoreChecks.atMost;
import static dev.icon.gossip.score.ScoreChecks.decay;
import static dev.icon.gossip.score.ScoreChecks.nonNegative;
import static dev.icon.gossip.score.ScoreChecks.notNull;
import static dev.icon.gossip.score.ScoreChecks.positive;

import dev.icon.overlay.identity.PeerId;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Global peer scoring parameters of gossipsub v1.1: the per-topic parameters, the topic cap, P5
 * (application-specific), P6 (IP colocation), P7 (behaviour penalty) and the decay/retention
 * settings. Immutable (maps and lists are copied); build with {@link #builder()}, whose
 * {@link Builder#build()} validates and names the field at fault. Safe to share between threads,
 * provided {@link #appSpecificScore()} is.
 *
 * @param topics per-topic parameters; topics not listed do not contribute to any score
 * @param topicScoreCap cap on the positive sum of all topic contributions; 0 means no cap
 * @param appSpecificScore P5, called from the scorer's thread on every score computation
 * @param appSpecificWeight weight of P5, {@code >= 0}
 * @param ipColocationFactorWeight weight of P6, {@code <= 0}
 * @param ipColocationFactorThreshold peers per IP tolerated before P6 applies, {@code >= 1}
 * @param ipColocationFactorWhitelist subnets never counted for P6
 * @param behaviourPenaltyWeight weight of P7, {@code <= 0}
 * @param behaviourPenaltyThreshold P7 counter value tolerated before it costs, {@code >= 0}
 * @param behaviourPenaltyDecay decay factor of the P7 counter, in (0, 1)
 * @param decayInterval how often {@link PeerScore#refreshScores()} is meant to run, {@code > 0}
 * @param decayToZero a decayed counter below this becomes 0, in (0, 1)
 * @param retainScore how long a disconnected peer's non-positive score is remembered, {@code >= 0}
 * @param deliveryRecordTtl how long a message's delivery record (first seen, validation status,
 *     who delivered it) is kept to classify duplicates, {@code > 0}
 * @param maxDeliveryRecords bound on delivery records (oldest dropped first), so a flood of unique
 *     messages cannot grow the scorer's memory without limit, {@code >= 1}
 */
public record PeerScoreParams(
    Map<String, TopicScoreParams> topics,
    double topicScoreCap,
    ToDoubleFunction<PeerId> appSpecificScore,
    double appSpecificWeight,
    double ipColocationFactorWeight,
    double ipColocationFactorThreshold,
    List<IpSubnet> ipColocationFactorWhitelist,
    double behaviourPenaltyWeight,
    double behaviourPenaltyThreshold,
    double behaviourPenaltyDecay,
    Duration decayInterval,
    double decayToZero,
    Duration retainScore,
    Duration deliveryRecordTtl,
    int maxDeliveryRecords) {

  /** Validates every field and copies the collections. */
  public PeerScoreParams {
    notNull("topics", topics);
    topics.forEach((t, p) -> {
      notNull("topics key", t);
      notNull("topics[" + t + "]", p);
    });
    topics = Map.copyOf(topics);
    atLeast("topicScoreCap", topicScoreCap, 0);
    notNull("appSpecificScore", appSpecificScore);
    atLeast("appSpecificWeight", appSpecificWeight, 0);
    atMost("ipColocationFactorWeight", ipColocationFactorWeight, 0);
    atLeast("ipColocationFactorThreshold", ipColocationFactorThreshold, 1);
    notNull("ipColocationFactorWhitelist", ipColocationFactorWhitelist);
    ipColocationFactorWhitelist = List.copyOf(ipColocationFactorWhitelist);
    atMost("behaviourPenaltyWeight", behaviourPenaltyWeight, 0);
    atLeast("behaviourPenaltyThreshold", behaviourPenaltyThreshold, 0);
    decay("behaviourPenaltyDecay", behaviourPenaltyDecay);
    positive("decayInterval", decayInterval);
    decay("decayToZero", decayToZero);
    nonNegative("retainScore", retainScore);
    positive("deliveryRecordTtl", deliveryRecordTtl);
    atLeast("maxDeliveryRecords", maxDeliveryRecords, 1);
  }

  /** A builder preset to {@link #defaults()} with no topics. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder preset to this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * A tuned profile in the spirit of js-libp2p's defaults: topics contribute at most +10, the
   * application's score weighs 10, more than ten peers on one (non-loopback) IP cost 5 times the
   * squared surplus, each behaviour penalty beyond the first is squared times 10, decay every
   * second, scores retained for an hour after disconnect. No topics configured: add them with
   * {@link Builder#topic(String, TopicScoreParams)}.
   */
  public static PeerScoreParams defaults() {
    return builder().build();
  }

  /** Every global weight zero and no topics: every peer scores 0. */
  public static PeerScoreParams disabled() {
    return builder()
        .appSpecificWeight(0)
        .ipColocationFactorWeight(0)
        .behaviourPenaltyWeight(0)
        .build();
  }

  /** The one builder of {@link PeerScoreParams}. Not thread-safe. */
  public static final class Builder {
    // Topics are application-specific: none by default.
    private final Map<String, TopicScoreParams> topics = new HashMap<>();
    // Positive topic merit tops out at +10 so it cannot outweigh P5..P7 penalties.
    private double topicScoreCap = 10;
    // No application opinion unless one is installed.
    private ToDoubleFunction<PeerId> appSpecificScore = peer -> 0.0;
    // Lets the application promote (bootstrappers) or gate peers decisively.
    private double appSpecificWeight = 10;
    // js default: a surplus of 2 costs 20 (under gossip), of 4 costs 80 (at the graylist).
    private double ipColocationFactorWeight = -5;
    // js default: ten peers per IP tolerated, so NAT'd sites and small clusters are not punished.
    private double ipColocationFactorThreshold = 10;
    // Loopback peers run on our own host: not remote sybils, and local test clusters share it.
    private List<IpSubnet> ipColocationFactorWhitelist =
        List.of(IpSubnet.parse("127.0.0.0/8"), IpSubnet.parse("::1"));
    // Squared excess times 10: a few broken promises bring a peer under the gossip threshold.
    private double behaviourPenaltyWeight = -10;
    // Tolerate one stray penalty (e.g. a race between IWANT and the message arriving elsewhere).
    private double behaviourPenaltyThreshold = 1;
    // Fast-ish decay, ~7 intervals half-life: penalties are for ongoing misbehaviour.
    private double behaviourPenaltyDecay = 0.9;
    // Once per second, the usual heartbeat-compatible cadence.
    private Duration decayInterval = Duration.ofSeconds(1);
    // Counters below 0.01 are noise; zeroing them lets idle peers return to exactly 0.
    private double decayToZero = 0.01;
    // An hour: a misbehaving peer cannot reset its score by reconnecting.
    private Duration retainScore = Duration.ofHours(1);
    // Two minutes, like the seen-cache horizon of common implementations.
    private Duration deliveryRecordTtl = Duration.ofMinutes(2);
    // As the router's seen cache: ~2,000 msg/s over the two-minute TTL.
    private int maxDeliveryRecords = 1 << 18;

    private Builder() {}

    private Builder(PeerScoreParams p) {
      topics.putAll(p.topics);
      topicScoreCap = p.topicScoreCap;
      appSpecificScore = p.appSpecificScore;
      appSpecificWeight = p.appSpecificWeight;
      ipColocationFactorWeight = p.ipColocationFactorWeight;
      ipColocationFactorThreshold = p.ipColocationFactorThreshold;
      ipColocationFactorWhitelist = p.ipColocationFactorWhitelist;
      behaviourPenaltyWeight = p.behaviourPenaltyWeight;
      behaviourPenaltyThreshold = p.behaviourPenaltyThreshold;
      behaviourPenaltyDecay = p.behaviourPenaltyDecay;
      decayInterval = p.decayInterval;
      decayToZero = p.decayToZero;
      retainScore = p.retainScore;
      deliveryRecordTtl = p.deliveryRecordTtl;
      maxDeliveryRecords = p.maxDeliveryRecords;
    }

    /** Adds or replaces the parameters of one topic. */
    public Builder topic(String topic, TopicScoreParams params) {
      topics.put(topic, params);
      return this;
    }

    /** @see PeerScoreParams#topicScoreCap() */
    public Builder topicScoreCap(double v) { topicScoreCap = v; return this; }
    /** @see PeerScoreParams#appSpecificScore() */
    public Builder appSpecificScore(ToDoubleFunction<PeerId> v) { appSpecificScore = v; return this; }
    /** @see PeerScoreParams#appSpecificWeight() */
    public Builder appSpecificWeight(double v) { appSpecificWeight = v; return this; }
    /** @see PeerScoreParams#ipColocationFactorWeight() */
    public Builder ipColocationFactorWeight(double v) { ipColocationFactorWeight = v; return this; }
    /** @see PeerScoreParams#ipColocationFactorThreshold() */
    public Builder ipColocationFactorThreshold(double v) { ipColocationFactorThreshold = v; return this; }
    /** @see PeerScoreParams#ipColocationFactorWhitelist() */
    public Builder ipColocationFactorWhitelist(List<IpSubnet> v) { ipColocationFactorWhitelist = v; return this; }
    /** @see PeerScoreParams#behaviourPenaltyWeight() */
    public Builder behaviourPenaltyWeight(double v) { behaviourPenaltyWeight = v; return this; }
    /** @see PeerScoreParams#behaviourPenaltyThreshold() */
    public Builder behaviourPenaltyThreshold(double v) { behaviourPenaltyThreshold = v; return this; }
    /** @see PeerScoreParams#behaviourPenaltyDecay() */
    public Builder behaviourPenaltyDecay(double v) { behaviourPenaltyDecay = v; return this; }
    /** @see PeerScoreParams#decayInterval() */
    public Builder decayInterval(Duration v) { decayInterval = v; return this; }
    /** @see PeerScoreParams#decayToZero() */
    public Builder decayToZero(double v) { decayToZero = v; return this; }
    /** @see PeerScoreParams#retainScore() */
    public Builder retainScore(Duration v) { retainScore = v; return this; }
    /** @see PeerScoreParams#deliveryRecordTtl() */
    public Builder deliveryRecordTtl(Duration v) { deliveryRecordTtl = v; return this; }
    /** @see PeerScoreParams#maxDeliveryRecords() */
    public Builder maxDeliveryRecords(int v) { maxDeliveryRecords = v; return this; }

    /** Validates and builds; throws {@link IllegalArgumentException} naming the field at fault. */
    public PeerScoreParams build() {
      return new PeerScoreParams(topics, topicScoreCap, appSpecificScore, appSpecificWeight,
          ipColocationFactorWeight, ipColocationFactorThreshold, ipColocationFactorWhitelist,
          behaviourPenaltyWeight, behaviourPenaltyThreshold, behaviourPenaltyDecay, decayInterval,
          decayToZero, retainScore, deliveryRecordTtl, maxDeliveryRecords);
    }
  }
}
