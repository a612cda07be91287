package dev.icon.tomography.probe;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How {@link PingProber} runs the system ping ({@code ping -n -c COUNT -i INTERVAL -W WAIT}).
 * Immutable; build with {@link #builder()} or start from {@link #defaults()} or {@link
 * #forTests()}.
 *
 * @param binary the ping executable: a name looked up on the PATH (and in /usr/sbin, /sbin) or a
 *     path
 * @param interval the time between two probes to one target ({@code -i}; at least 2 ms, and ping
 *     itself refuses less than 200 ms to unprivileged users)
 * @param replyWait how long to wait for the last reply ({@code -W})
 * @param commandPrefix words run before the binary, e.g. {@code [ip, netns, exec, provider]} to
 *     ping from inside a network namespace
 * @param runSlack time a run may take beyond {@code count * interval + replyWait} before it is
 *     killed (process start-up, a slow machine)
 * @param parallelism how many ping processes may run at once; further probes queue
 * @param maxCount the most probes one call may ask for
 */
public record PingConfig(
    String binary,
    Duration interval,
    Duration replyWait,
    List<String> commandPrefix,
    Duration runSlack,
    int parallelism,
    int maxCount) {

  public PingConfig {
    Objects.requireNonNull(binary, "binary");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(replyWait, "replyWait");
    Objects.requireNonNull(runSlack, "runSlack");
    commandPrefix = List.copyOf(commandPrefix);
    check(!binary.isBlank(), "binary", "must not be blank");
    check(interval.toMillis() >= 2, "interval", "must be at least 2 ms, was " + interval);
    check(replyWait.toMillis() >= 1, "replyWait", "must be at least 1 ms, was " + replyWait);
    check(!runSlack.isNegative(), "runSlack", "must not be negative, was " + runSlack);
    check(parallelism >= 1 && parallelism <= 256, "parallelism", "must be 1..256, was " + parallelism);
    check(maxCount >= 1 && maxCount <= 1000, "maxCount", "must be 1..1000, was " + maxCount);
  }

  /** Settings for probing real networks. */
  public static PingConfig defaults() {
    return builder().build();
  }

  /** Short waits for loopback and namespaces on one machine, where replies take microseconds. */
  public static PingConfig forTests() {
    return builder().interval(Duration.ofMillis(200)).replyWait(Duration.ofMillis(500)).build();
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The longest a run of {@code count} probes may take before it is killed. */
  public Duration runTimeout(int count) {
    return interval.multipliedBy(count).plus(replyWait).plus(runSlack);
  }

  private static void check(boolean ok, String field, String message) {
    if (!ok) {
      throw new IllegalArgumentException("PingConfig." + field + " " + message);
    }
  }

  /** Builds a {@link PingConfig}; not thread-safe. */
  public static final class Builder {
    // iputils ping on the PATH (Debian: package iputils-ping, /usr/bin/ping).
    private String binary = "ping";
    // 200 ms: the least ping allows unprivileged users, and gentle on the target.
    private Duration interval = Duration.ofMillis(200);
    // 2 s: a client farther than 2 s RTT is not one an edge provider should serve.
    private Duration replyWait = Duration.ofSeconds(2);
    // Run ping directly.
    private List<String> commandPrefix = List.of();
    // 5 s covers process start-up on a loaded machine.
    private Duration runSlack = Duration.ofSeconds(5);
    // Pings mostly wait; 4 at once keeps a small machine responsive.
    private int parallelism = 4;
    // 20 probes give a good mean; more is a flood, not a measurement.
    private int maxCount = 20;

    private Builder() {}

    public Builder binary(String v) {
      binary = v;
      return this;
    }

    public Builder interval(Duration v) {
      interval = v;
      return this;
    }

    public Builder replyWait(Duration v) {
      replyWait = v;
      return this;
    }

    public Builder commandPrefix(List<String> v) {
      commandPrefix = v;
      return this;
    }

    public Builder runSlack(Duration v) {
      runSlack = v;
      return this;
    }

    public Builder parallelism(int v) {
      parallelism = v;
      return this;
    }

    public Builder maxCount(int v) {
      maxCount = v;
      return this;
    }

    /** Checks the invariants and builds; the exception names the field at fault. */
    public PingConfig build() {
      return new PingConfig(binary, interval, replyWait, commandPrefix, runSlack, parallelism,
          maxCount);
    }
  }
}
