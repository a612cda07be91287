package dev.icon.node.ingress;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link DemandRecorder} groups clients and how much it remembers. Immutable; build with
 * {@link #builder()}, or take {@link #defaults()}.
 *
 * @param ipv4PrefixBits prefix length grouping IPv4 clients
 * @param ipv6PrefixBits prefix length grouping IPv6 clients
 * @param window the sliding window for rates and RTT statistics
 * @param buckets the number of slices the window is counted in (its resolution)
 * @param maxPrefixes the most prefixes kept; the least recently seen is evicted beyond it
 * @param maxRttSamplesPerPrefix the most RTT samples kept per prefix (the newest win)
 */
public record DemandConfig(
    int ipv4PrefixBits,
    int ipv6PrefixBits,
    Duration window,
    int buckets,
    int maxPrefixes,
    int maxRttSamplesPerPrefix) {

  /** Checks the invariants, naming the field at fault. */
  public DemandConfig {
    Objects.requireNonNull(window, "window");
    if (ipv4PrefixBits < 1 || ipv4PrefixBits > 32) {
      throw new IllegalArgumentException("ipv4PrefixBits: must be 1..32, was " + ipv4PrefixBits);
    }
    if (ipv6PrefixBits < 1 || ipv6PrefixBits > 128) {
      throw new IllegalArgumentException("ipv6PrefixBits: must be 1..128, was " + ipv6PrefixBits);
    }
    if (buckets < 1 || buckets > 3600) {
      throw new IllegalArgumentException("buckets: must be 1..3600, was " + buckets);
    }
    if (window.toMillis() < buckets) {
      throw new IllegalArgumentException(
          "window: must be at least one millisecond per bucket, was " + window);
    }
    if (maxPrefixes < 1) {
      throw new IllegalArgumentException("maxPrefixes: must be positive, was " + maxPrefixes);
    }
    if (maxRttSamplesPerPrefix < 1) {
      throw new IllegalArgumentException(
          "maxRttSamplesPerPrefix: must be positive, was " + maxRttSamplesPerPrefix);
    }
  }

  /** The defaults listed on {@link Builder}. */
  public static DemandConfig defaults() {
    return builder().build();
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this config. */
  public Builder toBuilder() {
    return new Builder()
        .ipv4PrefixBits(ipv4PrefixBits)
        .ipv6PrefixBits(ipv6PrefixBits)
        .window(window)
        .buckets(buckets)
        .maxPrefixes(maxPrefixes)
        .maxRttSamplesPerPrefix(maxRttSamplesPerPrefix);
  }

  /** Builds {@link DemandConfig}; not thread-safe. */
  public static final class Builder {
    // /24: the usual unit of IPv4 routing and of "one site" in latency maps.
    private int ipv4PrefixBits = 24;
    // /48: the usual IPv6 end-site allocation.
    private int ipv6PrefixBits = 48;
    // One minute: long enough to smooth bursts, short enough for a decision period of minutes.
    private Duration window = Duration.ofMinutes(1);
    // 12 slices of 5 s: the rate moves in 1/12 steps as the window slides.
    private int buckets = 12;
    // 10,000 prefixes of about 2 KiB each stay within a few tens of MB.
    private int maxPrefixes = 10_000;
    // 128 samples give a stable p95 without letting one busy prefix use much memory.
    private int maxRttSamplesPerPrefix = 128;

    private Builder() {}

    /** Prefix length for IPv4 clients (default 24). */
    public Builder ipv4PrefixBits(int v) {
      this.ipv4PrefixBits = v;
      return this;
    }

    /** Prefix length for IPv6 clients (default 48). */
    public Builder ipv6PrefixBits(int v) {
      this.ipv6PrefixBits = v;
      return this;
    }

    /** Sliding window (default 1 minute). */
    public Builder window(Duration v) {
      this.window = v;
      return this;
    }

    /** Slices of the window (default 12). */
    public Builder buckets(int v) {
      this.buckets = v;
      return this;
    }

    /** Most prefixes kept (default 10,000). */
    public Builder maxPrefixes(int v) {
      this.maxPrefixes = v;
      return this;
    }

    /** Most RTT samples per prefix (default 128). */
    public Builder maxRttSamplesPerPrefix(int v) {
      this.maxRttSamplesPerPrefix = v;
      return this;
    }

    /** The config; throws {@link IllegalArgumentException} naming the field at fault. */
    public DemandConfig build() {
      return new DemandConfig(
          ipv4PrefixBits, ipv6PrefixBits, window, buckets, maxPrefixes, maxRttSamplesPerPrefix);
    }
  }
}
