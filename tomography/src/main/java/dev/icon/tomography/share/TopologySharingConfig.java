package dev.icon.tomography.share;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link TopologySharing} publishes and receives. Immutable; {@link #defaults()}, {@link
 * #forTests()} or {@link #builder()}.
 *
 * @param topic the gossip topic ({@value #TOPIC})
 * @param limits the size limits of one delta, sent and received
 * @param debounce how long after a change the delta goes out, so a burst becomes one delta
 * @param publishInterval how often changes left unpublished (no peers yet, more than a round's
 *     worth) are retried, and the resend is due-checked
 * @param maxDeltasPerRound the most change deltas sent in one round; the rest waits a debounce
 * @param resendInterval how often a round of the full-state resend goes out
 * @param resendChunksPerRound how many chunks (deltas) one resend round sends at most
 * @param logInterval how often each (reason, peer) pair of refusals is logged at most
 * @param maxPendingMerges received deltas waiting to be merged; beyond, new ones are dropped
 *     ({@link TopologyShareError#OVERLOADED})
 */
public record TopologySharingConfig(String topic, DeltaLimits limits, Duration debounce,
    Duration publishInterval, int maxDeltasPerRound, Duration resendInterval,
    int resendChunksPerRound, Duration logInterval, int maxPendingMerges) {

  /** The gossip topic of topology deltas (ARCHITECTURE.md). */
  public static final String TOPIC = "/icon/topology/1";

  /** Checks every field, naming the one at fault. */
  public TopologySharingConfig {
    check(topic != null && !topic.isEmpty(), "topic", "must not be empty");
    check(limits != null, "limits", "must not be null");
    positive(debounce, "debounce");
    positive(publishInterval, "publishInterval");
    check(maxDeltasPerRound >= 1, "maxDeltasPerRound", "must be at least 1");
    positive(resendInterval, "resendInterval");
    check(resendChunksPerRound >= 1, "resendChunksPerRound", "must be at least 1");
    positive(logInterval, "logInterval");
    check(maxPendingMerges >= 1, "maxPendingMerges", "must be at least 1");
  }

  /** The documented defaults (see {@link Builder}). */
  public static TopologySharingConfig defaults() {
    return builder().build();
  }

  /** Short timings for tests on loopback: 50 ms debounce, 200 ms rounds, 300 ms resends. */
  public static TopologySharingConfig forTests() {
    return builder().debounce(Duration.ofMillis(50)).publishInterval(Duration.ofMillis(200))
        .resendInterval(Duration.ofMillis(300)).build();
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  private static void positive(Duration d, String field) {
    check(d != null && !d.isNegative() && !d.isZero(), field, "must be positive, was " + d);
  }

  private static void check(boolean ok, String field, String message) {
    if (!ok) {
      throw new IllegalArgumentException("TopologySharingConfig." + field + " " + message);
    }
  }

  /** Builds a {@link TopologySharingConfig}; not thread-safe. */
  public static final class Builder {
    private String topic = TOPIC;
    // 256 KiB, 1,000 nodes, 500 edges: see DeltaLimits.defaults().
    private DeltaLimits limits = DeltaLimits.defaults();
    // One discovery run's traces finish within about a second of each other: one delta for them.
    private Duration debounce = Duration.ofSeconds(1);
    // Retrying a publish that reached nobody every 10 s costs nothing and heals quickly.
    private Duration publishInterval = Duration.ofSeconds(10);
    // 8 deltas of 500 edges (4,000 edges, about 1 MB) per round keep one burst modest.
    private int maxDeltasPerRound = 8;
    // A late joiner waits at most a minute for the first chunks.
    private Duration resendInterval = Duration.ofMinutes(1);
    // 4 chunks of 500 edges a minute: 2,000 edges a minute, a 10,000-edge map in 5 minutes.
    private int resendChunksPerRound = 4;
    // One line per minute per misbehaving peer and reason is enough to diagnose it.
    private Duration logInterval = Duration.ofMinutes(1);
    // 256 deltas of at most 256 KiB each bound the queue; honest peers never get near it.
    private int maxPendingMerges = 256;

    private Builder() {}

    public Builder topic(String v) {
      topic = Objects.requireNonNull(v, "topic");
      return this;
    }

    public Builder limits(DeltaLimits v) {
      limits = v;
      return this;
    }

    public Builder debounce(Duration v) {
      debounce = v;
      return this;
    }

    public Builder publishInterval(Duration v) {
      publishInterval = v;
      return this;
    }

    public Builder maxDeltasPerRound(int v) {
      maxDeltasPerRound = v;
      return this;
    }

    public Builder resendInterval(Duration v) {
      resendInterval = v;
      return this;
    }

    public Builder resendChunksPerRound(int v) {
      resendChunksPerRound = v;
      return this;
    }

    public Builder logInterval(Duration v) {
      logInterval = v;
      return this;
    }

    public Builder maxPendingMerges(int v) {
      maxPendingMerges = v;
      return this;
    }

    /** Checks the invariants and builds; the exception names the field at fault. */
    public TopologySharingConfig build() {
      return new TopologySharingConfig(topic, limits, debounce, publishInterval,
          maxDeltasPerRound, resendInterval, resendChunksPerRound, logInterval, maxPendingMerges);
    }
  }
}
