package dev.icon.overlay.kad;

import java.time.Duration;

/**
 * Schedules a task after a delay; the seam for per-request timeouts, so tests can run lookups in
 * virtual time. A binding adapts a Netty event loop or a {@code ScheduledExecutorService}: {@code
 * (d, t) -> { var f = loop.schedule(t, d.toNanos(), NANOSECONDS); return () -> f.cancel(false); }}.
 */
@FunctionalInterface
public interface KadTimer {

  /** Runs {@code task} once after {@code delay} (on any thread); returns a cancel action. */
  Runnable schedule(Duration delay, Runnable task);
}
