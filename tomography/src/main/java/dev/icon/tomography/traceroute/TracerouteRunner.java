package dev.icon.tomography.traceroute;

import java.util.concurrent.CompletableFuture;

/**
 * Traces the route to targets. The seam between discovery and the system's traceroute: {@link
 * ProcessTracerouteRunner} runs the real one, {@link CachingTracerouteRunner} remembers results,
 * tests substitute their own.
 *
 * <p>Implementations are thread-safe; {@link #trace} returns at once.
 */
public interface TracerouteRunner extends AutoCloseable {

  /**
   * Traces the route to {@code target} (an IP literal or host name). The future fails with a
   * {@link TracerouteException}; cancelling it ends the run (killing its process).
   */
  CompletableFuture<TracerouteResult> trace(String target);

  /** Cancels every run in progress or queued and releases threads; idempotent. */
  @Override
  void close();
}
