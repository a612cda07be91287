package dev.icon.overlay.yamux;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * Outstanding pings of one session and the last measured RTT. Event loop only, except
 * {@link #rttNanos()} which may be read from any thread.
 */
final class YamuxPings {
  private record Pending(long startNanos, CompletableFuture<Duration> result,
      ScheduledFuture<?> timeout) {}

  private final Map<Long, Pending> pending = new HashMap<>();
  private final LongSupplier clock;
  private final Duration timeout;
  private long nextOpaque = 1;
  private volatile long rttNanos;

  YamuxPings(LongSupplier clock, Duration timeout) {
    this.clock = clock;
    this.timeout = timeout;
  }

  /**
   * Registers a new ping; the caller sends it with the returned opaque value.
   *
   * @param send writes the ping request frame for the opaque value
   */
  CompletableFuture<Duration> start(EventExecutor loop, LongConsumer send) {
    long opaque = nextOpaque;
    nextOpaque = (nextOpaque + 1) & 0xFFFF_FFFFL;
    CompletableFuture<Duration> result = new CompletableFuture<>();
    ScheduledFuture<?> t = loop.schedule(() -> {
      Pending p = pending.remove(opaque);
      if (p != null) {
        p.result.completeExceptionally(
            new YamuxException(YamuxError.PING_FAILED, "no ping response within " + timeout));
      }
    }, timeout.toNanos(), TimeUnit.NANOSECONDS);
    pending.put(opaque, new Pending(clock.getAsLong(), result, t));
    send.accept(opaque);
    return result;
  }

  /** Handles a ping response; unknown opaque values are ignored. */
  void onResponse(long opaque) {
    Pending p = pending.remove(opaque);
    if (p == null) {
      return;
    }
    p.timeout.cancel(false);
    long rtt = Math.max(1, clock.getAsLong() - p.startNanos);
    rttNanos = rtt;
    p.result.complete(Duration.ofNanos(rtt));
  }

  /** Fails every outstanding ping (connection closed). */
  void failAll(YamuxException cause) {
    for (Pending p : pending.values()) {
      p.timeout.cancel(false);
      p.result.completeExceptionally(cause);
    }
    pending.clear();
  }

  /** The last measured RTT in nanoseconds, 0 before the first response. */
  long rttNanos() {
    return rttNanos;
  }
}
