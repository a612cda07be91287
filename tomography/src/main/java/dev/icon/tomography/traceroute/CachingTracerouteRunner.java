package dev.icon.tomography.traceroute;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Remembers successful results for a time to live, and shares one run among concurrent callers
 * for the same target. Failures are not cached.
 *
 * <p>Thread-safe. Each caller gets its own future: cancelling it detaches that caller; the shared
 * run is cancelled (its process killed) when every caller waiting for it has cancelled.
 */
public final class CachingTracerouteRunner implements TracerouteRunner {

  private final TracerouteRunner delegate;
  private final Duration ttl;
  private final Clock clock;
  private final Map<String, Cached> cache = new HashMap<>();
  private final Map<String, Shared> inFlight = new HashMap<>();

  /**
   * A cache in front of {@code delegate}, keeping results for {@code ttl} as read on {@code
   * clock}. Closing it closes the delegate.
   */
  public CachingTracerouteRunner(TracerouteRunner delegate, Duration ttl, Clock clock) {
    if (ttl.isNegative()) {
      throw new IllegalArgumentException("ttl must not be negative, was " + ttl);
    }
    this.delegate = delegate;
    this.ttl = ttl;
    this.clock = clock;
  }

  @Override
  public CompletableFuture<TracerouteResult> trace(String target) {
    CompletableFuture<TracerouteResult> mine = new CompletableFuture<>();
    Shared shared;
    synchronized (this) {
      Cached cached = cache.get(target);
      Instant now = clock.instant();
      if (cached != null && now.isBefore(cached.expiresAt)) {
        mine.complete(cached.result);
        return mine;
      }
      cache.remove(target);
      shared = inFlight.get(target);
      if (shared == null) {
        shared = new Shared();
        inFlight.put(target, shared);
        Shared started = shared;
        // trace() returns at once; starting under the lock lets no caller see a Shared without run.
        shared.run = delegate.trace(target);
        shared.run.whenComplete((result, error) -> finish(target, started, result));
      }
      shared.waiters++;
    }
    Shared s = shared;
    mine.whenComplete((r, e) -> {
      if (mine.isCancelled()) {
        detach(target, s);
      }
    });
    s.run.whenComplete((result, error) -> {
      if (error != null) {
        mine.completeExceptionally(unwrap(error));
      } else {
        mine.complete(result);
      }
    });
    return mine;
  }

  /** Forgets every cached result. */
  public synchronized void clear() {
    cache.clear();
  }

  @Override
  public void close() {
    delegate.close();
  }

  private synchronized void finish(String target, Shared s, TracerouteResult result) {
    if (inFlight.get(target) == s) {
      inFlight.remove(target);
    }
    if (result != null && !ttl.isZero()) {
      cache.put(target, new Cached(result, clock.instant().plus(ttl)));
    }
  }

  private void detach(String target, Shared s) {
    boolean cancelRun;
    synchronized (this) {
      s.waiters--;
      cancelRun = s.waiters == 0;
      if (cancelRun && inFlight.get(target) == s) {
        inFlight.remove(target);
      }
    }
    if (cancelRun && s.run != null) {
      s.run.cancel(true);
    }
  }

  private static Throwable unwrap(Throwable e) {
    return e instanceof java.util.concurrent.CompletionException && e.getCause() != null
        ? e.getCause() : e;
  }

  private record Cached(TracerouteResult result, Instant expiresAt) {}

  private static final class Shared {
    volatile CompletableFuture<TracerouteResult> run;
    int waiters;
  }
}
