package dev.icon.gossip.score;

import static dev.icon.gossip.score.ScoreChecks.atLeast;
import static dev.icon.gossip.score.ScoreChecks.atMost;
import static dev.icon.gossip.score.ScoreChecks.decay;
import static dev.icon.gossip.score.ScoreChecks.nonNegative;
import static dev.icon.gossip.score.ScoreChecks.positive;

import java.time.Duration;

/**
 * Per-topic peer scoring parameters of gossipsub v1.1 (P1 to P4 and the topic weight), as in the
 * spec's "Overview of New Parameters". Immutable; build with {@link #builder()}, whose
 * {@link Builder#build()} validates and names the field at fault. Safe to share between threads.
 *
 * @param topicWeight weight of this topic's sum in the total score, {@code >= 0}
 * @param timeInMeshWeight weight of P1, {@code >= 0}
 * @param timeInMeshQuantum mesh time that earns one point of P1, {@code > 0}
 * @param timeInMeshCap maximum of P1, {@code > 0}
 * @param firstMessageDeliveriesWeight weight of P2, {@code >= 0}
 * @param firstMessageDeliveriesDecay decay factor of the P2 counter, in (0, 1)
 * @param firstMessageDeliveriesCap maximum of the P2 counter, {@code > 0}
 * @param meshMessageDeliveriesWeight weight of P3, {@code <= 0}
 * @param meshMessageDeliveriesDecay decay factor of the P3 counter, in (0, 1)
 * @param meshMessageDeliveriesThreshold counter value below which P3 penalizes, {@code > 0}
 * @param meshMessageDeliveriesCap maximum of the P3 counter, {@code >= threshold}
 * @param meshMessageDeliveriesWindow how long after validation a duplicate is "near-first", {@code >= 0}
 * @param meshMessageDeliveriesActivation mesh time before P3 applies, {@code >= 0}
 * @param meshFailurePenaltyWeight weight of P3b, {@code <= 0}
 * @param meshFailurePenaltyDecay decay factor of the P3b counter, in (0, 1)
 * @param invalidMessageDeliveriesWeight weight of P4, {@code <= 0}
 * @param invalidMessageDeliveriesDecay decay factor of the P4 counter, in (0, 1)
 */
public record TopicScoreParams(
    double topicWeight,
    double timeInMeshWeight,
    Duration timeInMeshQuantum,
    double timeInMeshCap,
    double firstMessageDeliveriesWeight,
    double firstMessageDeliveriesDecay,
    double firstMessageDeliveriesCap,
    double meshMessageDeliveriesWeight,
    double meshMessageDeliveriesDecay,
    double meshMessageDeliveriesThreshold,
    double meshMessageDeliveriesCap,
    Duration meshMessageDeliveriesWindow,
    Duration meshMessageDeliveriesActivation,
    double meshFailurePenaltyWeight,
    double meshFailurePenaltyDecay,
    double invalidMessageDeliveriesWeight,
    double invalidMessageDeliveriesDecay) {

  /** Validates every field; throws {@link IllegalArgumentException} naming the first bad one. */
  public TopicScoreParams {
    atLeast("topicWeight", topicWeight, 0);
    atLeast("timeInMeshWeight", timeInMeshWeight, 0);
    positive("timeInMeshQuantum", timeInMeshQuantum);
    positive("timeInMeshCap", timeInMeshCap);
    atLeast("firstMessageDeliveriesWeight", firstMessageDeliveriesWeight, 0);
    decay("firstMessageDeliveriesDecay", firstMessageDeliveriesDecay);
    positive("firstMessageDeliveriesCap", firstMessageDeliveriesCap);
    atMost("meshMessageDeliveriesWeight", meshMessageDeliveriesWeight, 0);
    decay("meshMessageDeliveriesDecay", meshMessageDeliveriesDecay);
    positive("meshMessageDeliveriesThreshold", meshMessageDeliveriesThreshold);
    atLeast("meshMessageDeliveriesCap", meshMessageDeliveriesCap, meshMessageDeliveriesThreshold);
    nonNegative("meshMessageDeliveriesWindow", meshMessageDeliveriesWindow);
    nonNegative("meshMessageDeliveriesActivation", meshMessageDeliveriesActivation);
    atMost("meshFailurePenaltyWeight", meshFailurePenaltyWeight, 0);
    decay("meshFailurePenaltyDecay", meshFailurePenaltyDecay);
    atMost("invalidMessageDeliveriesWeight", invalidMessageDeliveriesWeight, 0);
    decay("invalidMessageDeliveriesDecay", invalidMessageDeliveriesDecay);
  }

  /** A builder preset to {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder preset to this record's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * A tuned profile for a topic carrying roughly one message per second, in the spirit of the js
   * and go defaults: time in mesh earns at most 1 point (after an hour), 1 point per first
   * delivery (at most 100), a mesh peer whose decayed count of first and near-first deliveries
   * stays under 2 is penalized once it has been in the mesh 5 s, and invalid messages cost 10
   * times their squared count, so three of them graylist a peer under the default thresholds.
   */
  public static TopicScoreParams defaults() {
    return builder().build();
  }

  /** All weights zero: the topic contributes nothing to the score (counters still run). */
  public static TopicScoreParams disabled() {
    return builder()
        .topicWeight(0)
        .timeInMeshWeight(0)
        .firstMessageDeliveriesWeight(0)
        .meshMessageDeliveriesWeight(0)
        .meshFailurePenaltyWeight(0)
        .invalidMessageDeliveriesWeight(0)
        .build();
  }

  /** The one builder of {@link TopicScoreParams}. Not thread-safe. */
  public static final class Builder {
    // Topic counts fully; applications with several topics lower it for minor ones.
    private double topicWeight = 1.0;
    // Small positive reward so established mesh peers are not pruned first: 1/3600 per second.
    private double timeInMeshWeight = 1.0 / 3600;
    // One point per second in mesh.
    private Duration timeInMeshQuantum = Duration.ofSeconds(1);
    // One hour of mesh time at most, i.e. P1 contributes at most 1.0 with the weight above.
    private double timeInMeshCap = 3600;
    // One point per first delivery: honest forwarders build positive score.
    private double firstMessageDeliveriesWeight = 1.0;
    // Halves roughly every 7 decay intervals (0.9^7 ~ 0.48) so old merit fades.
    private double firstMessageDeliveriesDecay = 0.9;
    // Caps P2 so a peer cannot bank unbounded credit to offset later misbehaviour.
    private double firstMessageDeliveriesCap = 100;
    // Mild penalty for an under-delivering mesh peer: deficit 2 costs 4 points.
    private double meshMessageDeliveriesWeight = -1.0;
    // Counter half-life about 7 decay intervals, a window of roughly 10 s at 1 s decay.
    private double meshMessageDeliveriesDecay = 0.9;
    // Lenient: at 1 msg/s and decay 0.9 a steady deliverer's count settles near 10.
    private double meshMessageDeliveriesThreshold = 2;
    // Cap well above the threshold so a bursty peer stays above it through quiet periods.
    private double meshMessageDeliveriesCap = 20;
    // Near-first window: short, so a mesh peer cannot earn P3 by echoing our own forwards back.
    private Duration meshMessageDeliveriesWindow = Duration.ofMillis(10);
    // Give a freshly grafted peer time to start delivering before P3 applies.
    private Duration meshMessageDeliveriesActivation = Duration.ofSeconds(5);
    // Sticky memory of mesh failures, same weight as P3.
    private double meshFailurePenaltyWeight = -1.0;
    // Slow decay so a pruned under-deliverer is not regrafted right away.
    private double meshFailurePenaltyDecay = 0.95;
    // Each invalid message squared times 10: a handful of invalid messages graylists a peer.
    private double invalidMessageDeliveriesWeight = -10.0;
    // Slow decay (0.99 per interval, ~70 intervals half-life): invalid spam is remembered.
    private double invalidMessageDeliveriesDecay = 0.99;

    private Builder() {}

    private Builder(TopicScoreParams p) {
      topicWeight = p.topicWeight;
      timeInMeshWeight = p.timeInMeshWeight;
      timeInMeshQuantum = p.timeInMeshQuantum;
      timeInMeshCap = p.timeInMeshCap;
      firstMessageDeliveriesWeight = p.firstMessageDeliveriesWeight;
      firstMessageDeliveriesDecay = p.firstMessageDeliveriesDecay;
      firstMessageDeliveriesCap = p.firstMessageDeliveriesCap;
      meshMessageDeliveriesWeight = p.meshMessageDeliveriesWeight;
      meshMessageDeliveriesDecay = p.meshMessageDeliveriesDecay;
      meshMessageDeliveriesThreshold = p.meshMessageDeliveriesThreshold;
      meshMessageDeliveriesCap = p.meshMessageDeliveriesCap;
      meshMessageDeliveriesWindow = p.meshMessageDeliveriesWindow;
      meshMessageDeliveriesActivation = p.meshMessageDeliveriesActivation;
      meshFailurePenaltyWeight = p.meshFailurePenaltyWeight;
      meshFailurePenaltyDecay = p.meshFailurePenaltyDecay;
      invalidMessageDeliveriesWeight = p.invalidMessageDeliveriesWeight;
      invalidMessageDeliveriesDecay = p.invalidMessageDeliveriesDecay;
    }

    /** @see TopicScoreParams#topicWeight() */
    public Builder topicWeight(double v) { topicWeight = v; return this; }
    /** @see TopicScoreParams#timeInMeshWeight() */
    public Builder timeInMeshWeight(double v) { timeInMeshWeight = v; return this; }
    /** @see TopicScoreParams#timeInMeshQuantum() */
    public Builder timeInMeshQuantum(Duration v) { timeInMeshQuantum = v; return this; }
    /** @see TopicScoreParams#timeInMeshCap() */
    public Builder timeInMeshCap(double v) { timeInMeshCap = v; return this; }
    /** @see TopicScoreParams#firstMessageDeliveriesWeight() */
    public Builder firstMessageDeliveriesWeight(double v) { firstMessageDeliveriesWeight = v; return this; }
    /** @see TopicScoreParams#firstMessageDeliveriesDecay() */
    public Builder firstMessageDeliveriesDecay(double v) { firstMessageDeliveriesDecay = v; return this; }
    /** @see TopicScoreParams#firstMessageDeliveriesCap() */
    public Builder firstMessageDeliveriesCap(double v) { firstMessageDeliveriesCap = v; return this; }
    /** @see TopicScoreParams#meshMessageDeliveriesWeight() */
    public Builder meshMessageDeliveriesWeight(double v) { meshMessageDeliveriesWeight = v; return this; }
    /** @see TopicScoreParams#meshMessageDeliveriesDecay() */
    public Builder meshMessageDeliveriesDecay(double v) { meshMessageDeliveriesDecay = v; return this; }
    /** @see TopicScoreParams#meshMessageDeliveriesThreshold() */
    public Builder meshMessageDeliveriesThreshold(double v) { meshMessageDeliveriesThreshold = v; return this; }
    /** @see TopicScoreParams#meshMessageDeliveriesCap() */
    public Builder meshMessageDeliveriesCap(double v) { meshMessageDeliveriesCap = v; return this; }
    /** @see TopicScoreParams#meshMessageDeliveriesWindow() */
    public Builder meshMessageDeliveriesWindow(Duration v) { meshMessageDeliveriesWindow = v; return this; }
    /** @see TopicScoreParams#meshMessageDeliveriesActivation() */
    public Builder meshMessageDeliveriesActivation(Duration v) { meshMessageDeliveriesActivation = v; return this; }
    /** @see TopicScoreParams#meshFailurePenaltyWeight() */
    public Builder meshFailurePenaltyWeight(double v) { meshFailurePenaltyWeight = v; return this; }
    /** @see TopicScoreParams#meshFailurePenaltyDecay() */
    public Builder meshFailurePenaltyDecay(double v) { meshFailurePenaltyDecay = v; return this; }
    /** @see TopicScoreParams#invalidMessageDeliveriesWeight() */
    public Builder invalidMessageDeliveriesWeight(double v) { invalidMessageDeliveriesWeight = v; return this; }
    /** @see TopicScoreParams#invalidMessageDeliveriesDecay() */
    public Builder invalidMessageDeliveriesDecay(double v) { invalidMessageDeliveriesDecay = v; return this; }

    /** Validates and builds; throws {@link IllegalArgumentException} naming the field at fault. */
    public TopicScoreParams build() {
      return new TopicScoreParams(topicWeight, timeInMeshWeight, timeInMeshQuantum, timeInMeshCap,
          firstMessageDeliveriesWeight, firstMessageDeliveriesDecay, firstMessageDeliveriesCap,
          meshMessageDeliveriesWeight, meshMessageDeliveriesDecay, meshMessageDeliveriesThreshold,
          meshMessageDeliveriesCap, meshMessageDeliveriesWindow, meshMessageDeliveriesActivation,
          meshFailurePenaltyWeight, meshFailurePenaltyDecay, invalidMessageDeliveriesWeight,
          invalidMessageDeliveriesDecay);
    }
  }
}
