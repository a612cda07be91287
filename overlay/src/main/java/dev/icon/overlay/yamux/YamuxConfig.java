package dev.icon.overlay.yamux;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Immutable Yamux settings; build with {@link #builder()}, or use {@link #defaults()}.
 *
 * <p>Memory bound: a stream buffers at most its receive window of unread bytes, so a connection
 * buffers at most {@code maxStreams * maxStreamWindow} (a window only grows for a stream whose
 * reader keeps up, see {@code ReceiveWindow}).
 *
 * @param initialStreamWindow receive window granted to each new stream (at least 256 KiB, the
 *     spec's implicit window; any excess is sent with the SYN or ACK)
 * @param maxStreamWindow largest receive window auto-tuning may grow a stream to; also the largest
 *     data frame accepted
 * @param maxStreams streams per connection (inbound plus outbound) before opens are refused
 * @param ackBacklog outbound streams not yet acknowledged before {@code openStream} waits
 * @param maxSendFrame largest data payload per frame we send
 * @param maxStreamRejections inbound streams refused for the stream limit before the connection
 *     is cut as abusive
 * @param keepAliveInterval interval between keepalive pings; {@link Duration#ZERO} disables them
 * @param pingTimeout how long a ping may stay unanswered (a keepalive timeout cuts the connection
 *     only if no frame at all arrived since the ping was sent)
 * @param streamCloseTimeout how long a locally closed stream waits for the remote's FIN before it
 *     is reset
 * @param goAwayTimeout how long {@code goAway()} lets open streams finish before closing anyway
 * @param nanoClock monotonic clock in nanoseconds, for RTT and window auto-tuning
 */
public record YamuxConfig(
    int initialStreamWindow,
    int maxStreamWindow,
    int maxStreams,
    int ackBacklog,
    int maxSendFrame,
    int maxStreamRejections,
    Duration keepAliveInterval,
    Duration pingTimeout,
    Duration streamCloseTimeout,
    Duration goAwayTimeout,
    LongSupplier nanoClock) {

  /** Checks the invariants; prefer {@link #builder()}, whose {@code build()} calls this. */
  public YamuxConfig {
    if (initialStreamWindow < YamuxProtocol.INITIAL_WINDOW) {
      throw new IllegalArgumentException(
          "initialStreamWindow must be >= 256 KiB (spec): " + initialStreamWindow);
    }
    if (maxStreamWindow < initialStreamWindow) {
      throw new IllegalArgumentException(
          "maxStreamWindow must be >= initialStreamWindow: " + maxStreamWindow);
    }
    requirePositive("maxStreams", maxStreams);
    requirePositive("ackBacklog", ackBacklog);
    requirePositive("maxSendFrame", maxSendFrame);
    if (maxStreamRejections < 0) {
      throw new IllegalArgumentException("maxStreamRejections must be >= 0: " + maxStreamRejections);
    }
    requireNonNegative("keepAliveInterval", keepAliveInterval);
    requirePositive("pingTimeout", pingTimeout);
    requirePositive("streamCloseTimeout", streamCloseTimeout);
    requirePositive("goAwayTimeout", goAwayTimeout);
    Objects.requireNonNull(nanoClock, "nanoClock");
  }

  /** The defaults listed on {@link Builder}. */
  public static YamuxConfig defaults() {
    return builder().build();
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder initialised from this config. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.initialStreamWindow = initialStreamWindow;
    b.maxStreamWindow = maxStreamWindow;
    b.maxStreams = maxStreams;
    b.ackBacklog = ackBacklog;
    b.maxSendFrame = maxSendFrame;
    b.maxStreamRejections = maxStreamRejections;
    b.keepAliveInterval = keepAliveInterval;
    b.pingTimeout = pingTimeout;
    b.streamCloseTimeout = streamCloseTimeout;
    b.goAwayTimeout = goAwayTimeout;
    b.nanoClock = nanoClock;
    return b;
  }

  private static void requirePositive(String field, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(field + " must be positive: " + value);
    }
  }

  private static void requirePositive(String field, Duration value) {
    Objects.requireNonNull(value, field);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(field + " must be positive: " + value);
    }
  }

  private static void requireNonNegative(String field, Duration value) {
    Objects.requireNonNull(value, field);
    if (value.isNegative()) {
      throw new IllegalArgumentException(field + " must not be negative: " + value);
    }
  }

  /** The one builder; not thread-safe. */
  public static final class Builder {
    // The spec's implicit window: no extra window update needed on SYN/ACK (interop baseline).
    private int initialStreamWindow = YamuxProtocol.INITIAL_WINDOW;
    // 16 MiB as in go-yamux: enough for ~1 Gbit/s at 100 ms RTT on one stream.
    private int maxStreamWindow = 16 * 1024 * 1024;
    // go-libp2p's per-connection stream budget order of magnitude; bounds memory and ids.
    private int maxStreams = 1000;
    // The spec's recommendation (SHOULD at most 256 unacknowledged outbound streams).
    private int ackBacklog = YamuxProtocol.SPEC_ACK_BACKLOG;
    // 64 KiB: one frame fits one Noise message budget and keeps streams interleaved fairly.
    private int maxSendFrame = 64 * 1024;
    // A well-behaved peer never has more than 256 unacknowledged opens; beyond that it abuses.
    private int maxStreamRejections = YamuxProtocol.SPEC_ACK_BACKLOG;
    // 30 s like go-yamux: detects dead peers and keeps NAT mappings alive.
    private Duration keepAliveInterval = Duration.ofSeconds(30);
    // Generous for slow links; a peer silent this long is considered gone.
    private Duration pingTimeout = Duration.ofSeconds(30);
    // 5 min like go-yamux's StreamCloseTimeout: lets a remote finish a large response.
    private Duration streamCloseTimeout = Duration.ofMinutes(5);
    // Bounds how long a draining connection may linger after go-away.
    private Duration goAwayTimeout = Duration.ofSeconds(30);
    // The JVM's monotonic clock; tests may inject a controllable one.
    private LongSupplier nanoClock = System::nanoTime;

    private Builder() {}

    /** See {@link YamuxConfig#initialStreamWindow()}. */
    public Builder initialStreamWindow(int v) {
      initialStreamWindow = v;
      return this;
    }

    /** See {@link YamuxConfig#maxStreamWindow()}. */
    public Builder maxStreamWindow(int v) {
      maxStreamWindow = v;
      return this;
    }

    /** See {@link YamuxConfig#maxStreams()}. */
    public Builder maxStreams(int v) {
      maxStreams = v;
      return this;
    }

    /** See {@link YamuxConfig#ackBacklog()}. */
    public Builder ackBacklog(int v) {
      ackBacklog = v;
      return this;
    }

    /** See {@link YamuxConfig#maxSendFrame()}. */
    public Builder maxSendFrame(int v) {
      maxSendFrame = v;
      return this;
    }

    /** See {@link YamuxConfig#maxStreamRejections()}. */
    public Builder maxStreamRejections(int v) {
      maxStreamRejections = v;
      return this;
    }

    /** See {@link YamuxConfig#keepAliveInterval()}. */
    public Builder keepAliveInterval(Duration v) {
      keepAliveInterval = v;
      return this;
    }

    /** See {@link YamuxConfig#pingTimeout()}. */
    public Builder pingTimeout(Duration v) {
      pingTimeout = v;
      return this;
    }

    /** See {@link YamuxConfig#streamCloseTimeout()}. */
    public Builder streamCloseTimeout(Duration v) {
      streamCloseTimeout = v;
      return this;
    }

    /** See {@link YamuxConfig#goAwayTimeout()}. */
    public Builder goAwayTimeout(Duration v) {
      goAwayTimeout = v;
      return this;
    }

    /** See {@link YamuxConfig#nanoClock()}. */
    public Builder nanoClock(LongSupplier v) {
      nanoClock = v;
      return this;
    }

    /** Validates and builds; the exception names the field at fault. */
    public YamuxConfig build() {
      return new YamuxConfig(initialStreamWindow, maxStreamWindow, maxStreams, ackBacklog,
          maxSendFrame, maxStreamRejections, keepAliveInterval, pingTimeout, streamCloseTimeout,
          goAwayTimeout, nanoClock);
    }
  }
}
