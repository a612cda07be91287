package dev.icon.market.negotiate;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of {@code /icon/negotiate/1.0.0}. Immutable; build with {@link #builder()} or start from
 * {@link #defaults()} / {@link #forTests()}.
 *
 * @param stepTimeout how long a side waits for the peer's next frame before giving up
 * @param maxFrameSize the largest frame accepted or sent, in bytes
 * @param requestLifetime how long a request this side sends stays valid
 * @param maxRequestLifetime the longest validity a provider accepts on a request (bounds its
 *     replay cache: a nonce is remembered until its request expires)
 * @param offerLifetime how long an offer this side makes stays open
 * @param maxOfferLifetime the longest validity a consumer accepts on an offer
 * @param replayCacheCapacity how many unexpired request nonces a provider remembers; when full,
 *     new requests are declined rather than remembered less
 * @param replayCachePerPeer how many of them one consumer may hold (so one peer cannot lock
 *     others out)
 */
public record NegotiateConfig(Duration stepTimeout, int maxFrameSize, Duration requestLifetime,
    Duration maxRequestLifetime, Duration offerLifetime, Duration maxOfferLifetime,
    int replayCacheCapacity, int replayCachePerPeer) {

  /** Checks the invariants, naming the field at fault. */
  public NegotiateConfig {
    positive(stepTimeout, "stepTimeout");
    if (maxFrameSize < 512) {
      throw new IllegalArgumentException("maxFrameSize must be at least 512 bytes: " + maxFrameSize);
    }
    positive(requestLifetime, "requestLifetime");
    positive(maxRequestLifetime, "maxRequestLifetime");
    positive(offerLifetime, "offerLifetime");
    positive(maxOfferLifetime, "maxOfferLifetime");
    if (requestLifetime.compareTo(maxRequestLifetime) > 0) {
      throw new IllegalArgumentException("requestLifetime " + requestLifetime
          + " exceeds maxRequestLifetime " + maxRequestLifetime);
    }
    if (offerLifetime.compareTo(maxOfferLifetime) > 0) {
      throw new IllegalArgumentException("offerLifetime " + offerLifetime
          + " exceeds maxOfferLifetime " + maxOfferLifetime);
    }
    if (replayCacheCapacity <= 0) {
      throw new IllegalArgumentException(
          "replayCacheCapacity must be positive: " + replayCacheCapacity);
    }
    if (replayCachePerPeer <= 0 || replayCachePerPeer > replayCacheCapacity) {
      throw new IllegalArgumentException("replayCachePerPeer must be in 1.." + replayCacheCapacity
          + ": " + replayCachePerPeer);
    }
  }

  /** Production defaults (see {@link Builder}). */
  public static NegotiateConfig defaults() {
    return builder().build();
  }

  /** Short timeouts for tests on loopback. */
  public static NegotiateConfig forTests() {
    return builder().stepTimeout(Duration.ofSeconds(5)).build();
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this config's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.stepTimeout = stepTimeout;
    b.maxFrameSize = maxFrameSize;
    b.requestLifetime = requestLifetime;
    b.maxRequestLifetime = maxRequestLifetime;
    b.offerLifetime = offerLifetime;
    b.maxOfferLifetime = maxOfferLifetime;
    b.replayCacheCapacity = replayCacheCapacity;
    b.replayCachePerPeer = replayCachePerPeer;
    return b;
  }

  private static void positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
  }

  /** Builds a {@link NegotiateConfig}; not thread-safe. */
  public static final class Builder {
    // A WAN round trip plus a provider's policy decision fit well within 10 s.
    private Duration stepTimeout = Duration.ofSeconds(10);
    // An agreement is about 400 bytes; 8 KiB leaves room for growth and bounds what we buffer.
    private int maxFrameSize = 8 * 1024;
    // Long enough for a slow provider's answer, short enough that replayed requests die soon.
    private Duration requestLifetime = Duration.ofMinutes(1);
    // Twice our own request lifetime: tolerates peers with longer settings and modest skew.
    private Duration maxRequestLifetime = Duration.ofMinutes(2);
    // An ICON decides in milliseconds; 30 s holds the provider's capacity only briefly.
    private Duration offerLifetime = Duration.ofSeconds(30);
    // A provider may hold an offer open longer than we would, but not for hours.
    private Duration maxOfferLifetime = Duration.ofMinutes(5);
    // 100k nonces of 16 bytes: a few MB at most, far beyond any honest request rate per 2 min.
    private int replayCacheCapacity = 100_000;
    // 1,000 open requests per peer in 2 min is far beyond an honest ICON's needs.
    private int replayCachePerPeer = 1_000;

    private Builder() {}

    /** See {@link NegotiateConfig#stepTimeout()}. */
    public Builder stepTimeout(Duration v) {
      stepTimeout = v;
      return this;
    }

    /** See {@link NegotiateConfig#maxFrameSize()}. */
    public Builder maxFrameSize(int v) {
      maxFrameSize = v;
      return this;
    }

    /** See {@link NegotiateConfig#requestLifetime()}. */
    public Builder requestLifetime(Duration v) {
      requestLifetime = v;
      return this;
    }

    /** See {@link NegotiateConfig#maxRequestLifetime()}. */
    public Builder maxRequestLifetime(Duration v) {
      maxRequestLifetime = v;
      return this;
    }

    /** See {@link NegotiateConfig#offerLifetime()}. */
    public Builder offerLifetime(Duration v) {
      offerLifetime = v;
      return this;
    }

    /** See {@link NegotiateConfig#maxOfferLifetime()}. */
    public Builder maxOfferLifetime(Duration v) {
      maxOfferLifetime = v;
      return this;
    }

    /** See {@link NegotiateConfig#replayCacheCapacity()}. */
    public Builder replayCacheCapacity(int v) {
      replayCacheCapacity = v;
      return this;
    }

    /** See {@link NegotiateConfig#replayCachePerPeer()}. */
    public Builder replayCachePerPeer(int v) {
      replayCachePerPeer = v;
      return this;
    }

    /** The config; throws {@link IllegalArgumentException} naming the field at fault. */
    public NegotiateConfig build() {
      return new NegotiateConfig(stepTimeout, maxFrameSize, requestLifetime, maxRequestLifetime,
          offerLifetime, maxOfferLifetime, replayCacheCapacity, replayCachePerPeer);
    }
  }
}
