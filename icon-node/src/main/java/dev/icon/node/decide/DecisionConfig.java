package dev.icon.node.decide;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of the decision engine (the owner's wishes are the {@link Objective}). Immutable; build
 * with {@link #builder()}, which checks every field and names the one at fault.
 *
 * @param hysteresis score a move must gain over staying, strictly, before it is made
 * @param cooldown time after any move during which no other move is made
 * @param minRunway a migration or replication needs budget left for this long at the target's price
 * @param maxRttFactor an unknown or larger RTT counts as this many times the latency target
 */
public record DecisionConfig(double hysteresis, Duration cooldown, Duration minRunway,
    double maxRttFactor) {

  /** Validates. */
  public DecisionConfig {
    if (!(hysteresis >= 0) || Double.isInfinite(hysteresis)) {
      throw new IllegalArgumentException("hysteresis must be finite and >= 0: " + hysteresis);
    }
    Objects.requireNonNull(cooldown, "cooldown");
    Objects.requireNonNull(minRunway, "minRunway");
    if (cooldown.isNegative()) {
      throw new IllegalArgumentException("cooldown must be >= 0: " + cooldown);
    }
    if (minRunway.isNegative()) {
      throw new IllegalArgumentException("minRunway must be >= 0: " + minRunway);
    }
    if (!(maxRttFactor >= 1) || Double.isInfinite(maxRttFactor)) {
      throw new IllegalArgumentException("maxRttFactor must be finite and >= 1: " + maxRttFactor);
    }
  }

  /** The production defaults. */
  public static DecisionConfig defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this config. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.hysteresis = hysteresis;
    b.cooldown = cooldown;
    b.minRunway = minRunway;
    b.maxRttFactor = maxRttFactor;
    return b;
  }

  /** Builds a {@link DecisionConfig}; not thread-safe. */
  public static final class Builder {
    // 5% of the target in latency terms: well above estimator noise, small next to a real shift.
    private double hysteresis = 0.05;
    // Ten minutes: a move takes tens of seconds; demand estimates need minutes to settle after it.
    private Duration cooldown = Duration.ofMinutes(10);
    // One hour of the target's price: never start something the budget cannot keep running.
    private Duration minRunway = Duration.ofHours(1);
    // 10x target: one unreachable prefix must not outweigh all the others.
    private double maxRttFactor = 10;

    private Builder() {}

    /** See {@link DecisionConfig#hysteresis()}. */
    public Builder hysteresis(double v) {
      hysteresis = v;
      return this;
    }

    /** See {@link DecisionConfig#cooldown()}. */
    public Builder cooldown(Duration v) {
      cooldown = v;
      return this;
    }

    /** See {@link DecisionConfig#minRunway()}. */
    public Builder minRunway(Duration v) {
      minRunway = v;
      return this;
    }

    /** See {@link DecisionConfig#maxRttFactor()}. */
    public Builder maxRttFactor(double v) {
      maxRttFactor = v;
      return this;
    }

    /** The config; throws naming the field at fault. */
    public DecisionConfig build() {
      return new DecisionConfig(hysteresis, cooldown, minRunway, maxRttFactor);
    }
  }
}
