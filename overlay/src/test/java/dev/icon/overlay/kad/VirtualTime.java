package dev.icon.overlay.kad;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;

/**
 * A single-threaded discrete-event scheduler: tasks run in time order when {@link #runUntilIdle}
 * is called, and time jumps from one task to the next. Serves as {@link KadTimer} and {@link Clock}.
 */
final class VirtualTime extends Clock implements KadTimer {

  private record Task(long atMillis, long order, Runnable run) {}

  private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

  private final PriorityQueue<Task> queue = new PriorityQueue<>(
      (a, b) -> a.atMillis != b.atMillis ? Long.compare(a.atMillis, b.atMillis)
          : Long.compare(a.order, b.order));
  private long nowMillis;
  private long order;

  long nowMillis() {
    return nowMillis;
  }

  /** Runs {@code task} after {@code delayMillis}. */
  void after(long delayMillis, Runnable task) {
    queue.add(new Task(nowMillis + delayMillis, order++, task));
  }

  @Override
  public Runnable schedule(Duration delay, Runnable task) {
    boolean[] cancelled = {false};
    after(delay.toMillis(), () -> {
      if (!cancelled[0]) {
        task.run();
      }
    });
    return () -> cancelled[0] = true;
  }

  /** Runs tasks in time order until none is left (or {@code maxTasks} ran: a runaway guard). */
  void runUntilIdle() {
    long budget = 10_000_000;
    while (!queue.isEmpty()) {
      if (--budget == 0) {
        throw new AssertionError("simulation does not go idle");
      }
      Task task = queue.poll();
      nowMillis = task.atMillis;
      task.run.run();
    }
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return EPOCH.plusMillis(nowMillis);
  }
}
