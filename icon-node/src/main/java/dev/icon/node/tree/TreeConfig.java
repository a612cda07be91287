package dev.icon.node.tree;

import java.time.Duration;
import java.util.Objects;

/**
 * Timing and limits of the tree protocol. Immutable; build with {@link #builder()}, which names
 * the field at fault; profiles {@link #defaults()} and {@link #forTests()}.
 *
 * @param heartbeatPeriod how often a child heartbeats its parent (and the membership ticks)
 * @param missesAllowed periods without a heartbeat before a parent counts as gone (and a child as
 *     lost)
 * @param requestTimeout how long one request waits for its reply
 * @param maxSkew how far a frame's send time may be from our clock
 * @param maxFrameSize largest frame accepted, bytes
 * @param maxAncestors longest ancestor chain accepted
 * @param maxChildren most children one ICON takes
 */
public record TreeConfig(Duration heartbeatPeriod, int missesAllowed, Duration requestTimeout,
    Duration maxSkew, int maxFrameSize, int maxAncestors, int maxChildren) {

  /** Validates. */
  public TreeConfig {
    positive("heartbeatPeriod", heartbeatPeriod);
    positive("requestTimeout", requestTimeout);
    positive("maxSkew", maxSkew);
    if (missesAllowed < 1) {
      throw new IllegalArgumentException("missesAllowed must be >= 1: " + missesAllowed);
    }
    if (maxFrameSize < 256) {
      throw new IllegalArgumentException("maxFrameSize must be >= 256: " + maxFrameSize);
    }
    if (maxAncestors < 1) {
      throw new IllegalArgumentException("maxAncestors must be >= 1: " + maxAncestors);
    }
    if (maxChildren < 0) {
      throw new IllegalArgumentException("maxChildren must be >= 0: " + maxChildren);
    }
  }

  /** Production timing. */
  public static TreeConfig defaults() {
    return builder().build();
  }

  /** Fast timing for tests on loopback: 200 ms heartbeats, 3 misses, 2 s requests. */
  public static TreeConfig forTests() {
    return builder().heartbeatPeriod(Duration.ofMillis(200)).requestTimeout(Duration.ofSeconds(2))
        .build();
  }

  /** A builder from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder from this config. */
  public Builder toBuilder() {
    return builder().heartbeatPeriod(heartbeatPeriod).missesAllowed(missesAllowed)
        .requestTimeout(requestTimeout).maxSkew(maxSkew).maxFrameSize(maxFrameSize)
        .maxAncestors(maxAncestors).maxChildren(maxChildren);
  }

  /** The time without a heartbeat after which the other side counts as gone. */
  public Duration deadAfter() {
    return heartbeatPeriod.multipliedBy(missesAllowed);
  }

  private static void positive(String name, Duration d) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
  }

  /** Builds a {@link TreeConfig}; not thread-safe. */
  public static final class Builder {
    // 5 s: cheap (one small stream per period) and quick enough to repair a tree in ~15 s.
    private Duration heartbeatPeriod = Duration.ofSeconds(5);
    // 3: one lost heartbeat or a GC pause must not tear the tree.
    private int missesAllowed = 3;
    // 5 s: a dial plus two round trips across continents.
    private Duration requestTimeout = Duration.ofSeconds(5);
    // 60 s: generous for unsynchronized clocks, short enough to bound replays.
    private Duration maxSkew = Duration.ofSeconds(60);
    // 64 KiB: a join with 32 ancestors of a few addresses each is ~5 KiB.
    private int maxFrameSize = 64 * 1024;
    // 32: trees are shallow; a longer chain is an attack.
    private int maxAncestors = 32;
    // 256 children per ICON: beyond that a parent should replicate, not fan out.
    private int maxChildren = 256;

    private Builder() {}

    /** See {@link TreeConfig#heartbeatPeriod()}. */
    public Builder heartbeatPeriod(Duration v) {
      heartbeatPeriod = v;
      return this;
    }

    /** See {@link TreeConfig#missesAllowed()}. */
    public Builder missesAllowed(int v) {
      missesAllowed = v;
      return this;
    }

    /** See {@link TreeConfig#requestTimeout()}. */
    public Builder requestTimeout(Duration v) {
      requestTimeout = v;
      return this;
    }

    /** See {@link TreeConfig#maxSkew()}. */
    public Builder maxSkew(Duration v) {
      maxSkew = v;
      return this;
    }

    /** See {@link TreeConfig#maxFrameSize()}. */
    public Builder maxFrameSize(int v) {
      maxFrameSize = v;
      return this;
    }

    /** See {@link TreeConfig#maxAncestors()}. */
    public Builder maxAncestors(int v) {
      maxAncestors = v;
      return this;
    }

    /** See {@link TreeConfig#maxChildren()}. */
    public Builder maxChildren(int v) {
      maxChildren = v;
      return this;
    }

    /** The config; throws naming the field at fault. */
    public TreeConfig build() {
      return new TreeConfig(heartbeatPeriod, missesAllowed, requestTimeout, maxSkew, maxFrameSize,
          maxAncestors, maxChildren);
    }
  }
}
