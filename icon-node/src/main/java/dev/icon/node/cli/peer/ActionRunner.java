package dev.icon.node.cli.peer;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the actions of {@code icon peer}: a failing action prints an {@code error} event naming
 * where it failed and marks the run failed; the next action still runs. Thread-safe (the host
 * actions and the gossip actions run on threads of their own).
 */
final class ActionRunner {

  /** An action body; it may block (it runs on its own thread, never an event loop). */
  interface Action {
    void run() throws Exception;
  }

  private final EventPrinter events;
  private final AtomicBoolean failed = new AtomicBoolean();

  ActionRunner(EventPrinter events) {
    this.events = events;
  }

  /** Runs {@code action}; an exception becomes an {@code error} event at {@code where}. */
  void run(String where, Action action) {
    try {
      action.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failed.set(true);
      events.error(where, e);
    } catch (Exception e) {
      failed.set(true);
      events.error(where, e);
    }
  }

  /** Whether any action failed so far. */
  boolean failed() {
    return failed.get();
  }
}
