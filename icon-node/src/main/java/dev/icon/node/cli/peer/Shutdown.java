package dev.icon.node.cli.peer;

import dev.icon.overlay.api.Host;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * Stops the peer once, whatever asks first: the end of its actions, {@code --duration}, or
 * SIGINT/SIGTERM (which exit 0, after a clean stop). Stopping prints the final reports (summary
 * events), then {@code shutdown}, then closes what was registered (pub/sub) and stops the host;
 * a failing step is an {@code error} event and the next still runs.
 */
final class Shutdown {

  private static final long STOP_TIMEOUT_SECONDS = 10;

  private final Host host;
  private final EventPrinter events;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final CountDownLatch signalled = new CountDownLatch(1);
  private final List<Runnable> reports = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> closers = new CopyOnWriteArrayList<>();

  Shutdown(Host host, EventPrinter events) {
    this.host = host;
    this.events = events;
  }

  /** Adds summary events printed before {@code shutdown}. */
  void addReports(List<Runnable> more) {
    reports.addAll(more);
  }

  /** Adds something closed after {@code shutdown} and before the host stops. */
  void addCloser(AutoCloseable closer) {
    closers.add(closer);
  }

  /**
   * SIGINT and SIGTERM stop the host and exit 0; a second signal exits at once. SIGHUP prints the
   * summary events ({@link #addReports}) now and keeps running.
   */
  void installSignalHandlers() {
    Signal.handle(new Signal("HUP"), s -> {
      if (!stopping.get()) {
        reports.forEach(Runnable::run);
      }
    });
    for (String name : new String[] {"INT", "TERM"}) {
      Signal.handle(new Signal(name), s -> {
        if (!stopping.compareAndSet(false, true)) {
          Runtime.getRuntime().halt(PeerCommand.EXIT_OK);
        }
        stop(PeerCommand.EXIT_OK, "SIG" + name);
        signalled.countDown();
        System.exit(PeerCommand.EXIT_OK);
      });
    }
  }

  /** Stops the host (once) and returns {@code code} for the process to exit with. */
  int exit(int code, String reason) {
    if (stopping.compareAndSet(false, true)) {
      stop(code, reason);
    }
    return code;
  }

  /** Blocks until a signal arrives (the handler exits the process). */
  void awaitSignal() throws InterruptedException {
    signalled.await();
  }

  /** Blocks until a signal or {@code nanos} pass. */
  void awaitQuietly(long nanos) throws InterruptedException {
    signalled.await(Math.max(0, nanos), TimeUnit.NANOSECONDS);
  }

  private void stop(int code, String reason) {
    for (Runnable report : reports) {
      try {
        report.run();
      } catch (RuntimeException e) {
        events.error("report", e);
      }
    }
    events.emit("shutdown", Map.of("code", code, "reason", reason));
    for (AutoCloseable closer : closers) {
      try {
        closer.close();
      } catch (Exception e) {
        events.error("stop", e);
      }
    }
    try {
      host.stop().get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      events.error("stop", e);
    }
  }
}
