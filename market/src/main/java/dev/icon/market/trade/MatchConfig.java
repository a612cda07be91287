package dev.icon.market.trade;

import dev.icon.proto.icon.resources.ResourceSpec;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link MatchNegotiator} concludes its trades. Immutable; build with {@link #builder()}.
 *
 * @param maxConcurrent negotiations in flight at once (default 8)
 * @param maxQueued matches waiting for a free slot; beyond it a match fails at once (default 1024)
 * @param attempts tries per trade, at least 1 (default 3): the provider may clear its round a
 *     moment after the buyer, so an early request can be declined
 * @param retryDelay pause between tries (default 500 ms)
 * @param attemptTimeout how long one try may take before it is abandoned (default 30 s)
 * @param term the agreement's service period from when it is asked for; the clearing price is
 *     per unit and hour, so one hour (the default) makes the agreement's total the trade's value
 * @param defaultUnit what one unit is when the bid gave no resource spec (default 1000 milli-CPU,
 *     1024 MiB)
 */
public record MatchConfig(int maxConcurrent, int maxQueued, int attempts, Duration retryDelay,
    Duration attemptTimeout, Duration term, ResourceSpec defaultUnit) {

  /** Validates, naming the field at fault. */
  public MatchConfig {
    positive("maxConcurrent", maxConcurrent);
    positive("maxQueued", maxQueued);
    positive("attempts", attempts);
    positive("retryDelay", Objects.requireNonNull(retryDelay, "retryDelay"), true);
    positive("attemptTimeout", Objects.requireNonNull(attemptTimeout, "attemptTimeout"), false);
    positive("term", Objects.requireNonNull(term, "term"), false);
    Objects.requireNonNull(defaultUnit, "defaultUnit");
    if (defaultUnit.getCpuMillis() == 0 || defaultUnit.getMemoryMib() == 0) {
      throw new IllegalArgumentException("defaultUnit needs cpu_millis and memory_mib");
    }
  }

  /** The defaults. */
  public static MatchConfig defaults() {
    return builder().build();
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  private static void positive(String field, int v) {
    if (v < 1) {
      throw new IllegalArgumentException(field + " must be positive: " + v);
    }
  }

  private static void positive(String field, Duration v, boolean zeroOk) {
    if (v.isNegative() || (!zeroOk && v.isZero())) {
      throw new IllegalArgumentException(field + " must be positive: " + v);
    }
  }

  /** Builds a {@link MatchConfig}; not thread-safe. */
  public static final class Builder {
    private int maxConcurrent = 8;
    private int maxQueued = 1024;
    private int attempts = 3;
    private Duration retryDelay = Duration.ofMillis(500);
    private Duration attemptTimeout = Duration.ofSeconds(30);
    private Duration term = Duration.ofHours(1);
    private ResourceSpec defaultUnit =
        ResourceSpec.newBuilder().setCpuMillis(1000).setMemoryMib(1024).build();

    private Builder() {}

    /** Negotiations in flight at once. */
    public Builder maxConcurrent(int v) {
      maxConcurrent = v;
      return this;
    }

    /** Matches waiting for a slot. */
    public Builder maxQueued(int v) {
      maxQueued = v;
      return this;
    }

    /** Tries per trade. */
    public Builder attempts(int v) {
      attempts = v;
      return this;
    }

    /** Pause between tries. */
    public Builder retryDelay(Duration v) {
      retryDelay = v;
      return this;
    }

    /** Limit on one try. */
    public Builder attemptTimeout(Duration v) {
      attemptTimeout = v;
      return this;
    }

    /** The agreement's service period. */
    public Builder term(Duration v) {
      term = v;
      return this;
    }

    /** The unit when a bid has none. */
    public Builder defaultUnit(ResourceSpec v) {
      defaultUnit = v;
      return this;
    }

    /** The config; throws naming the field at fault. */
    public MatchConfig build() {
      return new MatchConfig(maxConcurrent, maxQueued, attempts, retryDelay, attemptTimeout, term,
          defaultUnit);
    }
  }
}
