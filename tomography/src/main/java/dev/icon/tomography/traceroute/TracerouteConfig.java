package dev.icon.tomography.traceroute;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How traceroute is run. Immutable; build with {@link #builder()} or start from {@link #defaults()}
 * or {@link #forTests()}.
 *
 * @param binary the traceroute executable: a name looked up on the PATH (and in /usr/sbin, /sbin)
 *     or a path
 * @param mode UDP or ICMP probes
 * @param maxHops the largest TTL probed ({@code -m})
 * @param probesPerHop probes sent per TTL ({@code -q}, 1..10)
 * @param probeWait how long to wait for each probe's answer ({@code -w})
 * @param firstTtl the TTL of the first hop probed ({@code -f})
 * @param commandPrefix words run before the binary, e.g. {@code [ip, netns, exec, client]} to run
 *     traceroute inside a network namespace
 * @param runTimeout how long one run may take before it is killed
 * @param parallelism how many runs may be in progress at once
 */
public record TracerouteConfig(
    String binary,
    TracerouteMode mode,
    int maxHops,
    int probesPerHop,
    Duration probeWait,
    int firstTtl,
    List<String> commandPrefix,
    Duration runTimeout,
    int parallelism) {

  public TracerouteConfig {
    Objects.requireNonNull(binary, "binary");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(probeWait, "probeWait");
    Objects.requireNonNull(runTimeout, "runTimeout");
    commandPrefix = List.copyOf(commandPrefix);
    check(!binary.isBlank(), "binary", "must not be blank");
    check(maxHops >= 1 && maxHops <= 255, "maxHops", "must be 1..255, was " + maxHops);
    check(probesPerHop >= 1 && probesPerHop <= 10, "probesPerHop",
        "must be 1..10 (traceroute's limit), was " + probesPerHop);
    check(!probeWait.isNegative() && !probeWait.isZero(), "probeWait", "must be positive, was " + probeWait);
    check(firstTtl >= 1 && firstTtl <= maxHops, "firstTtl",
        "must be 1..maxHops (" + maxHops + "), was " + firstTtl);
    check(!runTimeout.isNegative() && !runTimeout.isZero(), "runTimeout", "must be positive");
    check(parallelism >= 1 && parallelism <= 256, "parallelism",
        "must be 1..256, was " + parallelism);
  }

  /** Settings for probing real networks. */
  public static TracerouteConfig defaults() {
    return builder().build();
  }

  /** Short waits and few probes for namespaces on one machine, where answers take microseconds. */
  public static TracerouteConfig forTests() {
    return builder().maxHops(10).probesPerHop(2).probeWait(Duration.ofMillis(500))
        .runTimeout(Duration.ofSeconds(20)).parallelism(4).build();
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this config. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.binary = binary;
    b.mode = mode;
    b.maxHops = maxHops;
    b.probesPerHop = probesPerHop;
    b.probeWait = probeWait;
    b.firstTtl = firstTtl;
    b.commandPrefix = commandPrefix;
    b.runTimeout = runTimeout;
    b.parallelism = parallelism;
    return b;
  }

  private static void check(boolean ok, String field, String message) {
    if (!ok) {
      throw new IllegalArgumentException("TracerouteConfig." + field + " " + message);
    }
  }

  /** Builds a {@link TracerouteConfig}; not thread-safe. */
  public static final class Builder {
    // The system traceroute on the PATH (Debian's package installs /usr/sbin/traceroute).
    private String binary = "traceroute";
    // UDP works without privileges; ICMP needs ping_group_range or root.
    private TracerouteMode mode = TracerouteMode.UDP;
    // traceroute's own default; edge providers sit well within 30 hops.
    private int maxHops = 30;
    // traceroute's own default; several probes reveal load-balanced (ECMP) hops.
    private int probesPerHop = 3;
    // Shorter than traceroute's 5 s: a hop silent for 2 s is reported as '*', not waited on.
    private Duration probeWait = Duration.ofSeconds(2);
    // Start at the first router.
    private int firstTtl = 1;
    // Run traceroute directly.
    private List<String> commandPrefix = List.of();
    // Worst case with traceroute's 16 simultaneous probes is far below a minute.
    private Duration runTimeout = Duration.ofSeconds(60);
    // Runs mostly wait on the network; 8 at once keeps a small machine responsive.
    private int parallelism = 8;

    private Builder() {}

    public Builder binary(String v) {
      binary = v;
      return this;
    }

    public Builder mode(TracerouteMode v) {
      mode = v;
      return this;
    }

    public Builder maxHops(int v) {
      maxHops = v;
      return this;
    }

    public Builder probesPerHop(int v) {
      probesPerHop = v;
      return this;
    }

    public Builder probeWait(Duration v) {
      probeWait = v;
      return this;
    }

    public Builder firstTtl(int v) {
      firstTtl = v;
      return this;
    }

    public Builder commandPrefix(List<String> v) {
      commandPrefix = v;
      return this;
    }

    public Builder runTimeout(Duration v) {
      runTimeout = v;
      return this;
    }

    public Builder parallelism(int v) {
      parallelism = v;
      return this;
    }

    /** Checks the invariants and builds; the exception names the field at fault. */
    public TracerouteConfig build() {
      return new TracerouteConfig(binary, mode, maxHops, probesPerHop, probeWait, firstTtl,
          commandPrefix, runTimeout, parallelism);
    }
  }
}
