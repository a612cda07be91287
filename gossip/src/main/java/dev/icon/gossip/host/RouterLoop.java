package dev.icon.gossip.host;

import dev.icon.gossip.api.GossipError;
import dev.icon.gossip.api.GossipException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router's single thread: a daemon, named scheduled executor on which everything touching the
 * {@code GossipRouter} runs, in submission order. A task that throws is logged and does not stop
 * the loop. After {@link #shutdown()} new tasks are dropped (and {@link #call} futures fail).
 *
 * <p>Threading: every method may be called from any thread.
 */
final class RouterLoop implements Executor {
  private static final Logger LOG = LoggerFactory.getLogger(RouterLoop.class);
  private final ScheduledExecutorService executor;
  private volatile Thread thread;

  RouterLoop(String name) {
    ScheduledThreadPoolExecutor ex = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      thread = t;
      return t;
    });
    ex.setRemoveOnCancelPolicy(true);
    ex.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    this.executor = ex;
  }

  /** Runs {@code task} on the loop (dropped after shutdown). */
  @Override
  public void execute(Runnable task) {
    try {
      executor.execute(() -> runSafely(task));
    } catch (RejectedExecutionException e) {
      LOG.trace("router loop closed, task dropped");
    }
  }

  /**
   * Runs {@code task} on the loop and completes with its result; after shutdown it fails with a
   * {@link GossipException} ({@link GossipError#CLOSED}).
   */
  <T> CompletableFuture<T> call(Supplier<T> task) {
    CompletableFuture<T> result = new CompletableFuture<>();
    try {
      executor.execute(() -> {
        try {
          result.complete(task.get());
        } catch (Throwable t) {
          result.completeExceptionally(t);
        }
      });
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(new GossipException(GossipError.CLOSED, "pub/sub is closed"));
    }
    return result;
  }

  /** Runs {@code task} after {@code initialDelay}, then every {@code interval} (fixed rate). */
  ScheduledFuture<?> every(Duration initialDelay, Duration interval, Runnable task) {
    return executor.scheduleAtFixedRate(() -> runSafely(task), initialDelay.toNanos(),
        interval.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Runs {@code task} once after {@code delay}. */
  void after(Duration delay, Runnable task) {
    try {
      executor.schedule(() -> runSafely(task), delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      LOG.trace("router loop closed, timer dropped");
    }
  }

  /** Whether the caller is the loop's thread. */
  boolean inLoop() {
    return Thread.currentThread() == thread;
  }

  /** Lets queued tasks finish, drops timers, refuses new tasks; waits briefly unless on the loop. */
  void shutdown() {
    executor.shutdown();
    if (!inLoop()) {
      try {
        executor.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void runSafely(Runnable task) {
    try {
      task.run();
    } catch (Throwable t) {
      LOG.warn("router task failed", t);
    }
  }
}
