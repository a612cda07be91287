package dev.icon.node.cli.peer;

import dev.icon.overlay.api.Host;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * Stops the peer once, whatever asks first: the end of its actions, {@code --duration}, or
 * SIGINT/SIGTERM (which exit 0, after a clean stop).
 */
final class Shutdown {

  private static final long STOP_TIMEOUT_SECONDS = 10;

  private final Host host;
  private final EventPrinter events;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final CountDownLatch signalled = new CountDownLatch(1);

  Shutdown(Host host, EventPrinter events) {
    this.host = host;
    this.events = events;
  }

  /** SIGINT and SIGTERM stop the host and exit 0; a second signal exits at once. */
  void installSignalHandlers() {
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
    events.emit("shutdown", Map.of("code", code, "reason", reason));
    try {
      host.stop().get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      events.error("stop", e);
    }
  }
}
