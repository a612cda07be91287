package dev.icon.node.cli.peer;

import dev.icon.gossip.api.PubSub;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code --load-publish}: publishes {@code count} {@link LoadPayload}s of {@code size} bytes at
 * {@code rate} per second, paced against the start time (messages that fall due together go out
 * together), then prints {@code load-published} {topic, count, failed, seconds, first_error}. A
 * publish that fails (no peers yet, queue full) counts in {@code failed} and the run goes on; at
 * most {@link #MAX_IN_FLIGHT} publishes are outstanding. With {@code warmup} > 0, that many
 * flagged warm-up messages ({@link LoadPayload#WARMUP_FLAG}) go first at the same rate, then a
 * {@link #WARMUP_PAUSE_MS} pause so their backlog drains: a fresh JVM runs its first thousands of
 * messages interpreted, and a benchmark of sustained rate should not measure that. {@code
 * load-start} {topic, warmup} marks the start of the measured messages (a harness samples CPU
 * time there). Runs on the calling thread, which it blocks.
 */
final class LoadPublisher {

  static final int MAX_IN_FLIGHT = 1024;
  static final long WARMUP_PAUSE_MS = 1000;

  private final PubSub pubsub;
  private final EventPrinter events;
  private final Clock clock;

  LoadPublisher(PubSub pubsub, EventPrinter events, Clock clock) {
    this.pubsub = pubsub;
    this.events = events;
    this.clock = clock;
  }

  /** Publishes and reports; throws when not a single message could be published. */
  void run(String topic, int count, double rate, int size, int warmup, long timeoutSeconds)
      throws Exception {
    if (warmup > 0) {
      paced(topic, warmup, rate, size, LoadPayload.WARMUP_FLAG, timeoutSeconds);
      Thread.sleep(WARMUP_PAUSE_MS); // the documented pause, not a condition
    }
    Map<String, Object> start = new LinkedHashMap<>();
    start.put("topic", topic);
    start.put("warmup", warmup);
    events.emit("load-start", start);
    Run r = paced(topic, count, rate, size, 0, timeoutSeconds);
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("topic", topic);
    f.put("count", r.published.get());
    f.put("failed", r.failed.get());
    f.put("seconds", r.seconds);
    f.put("first_error", r.firstError.get());
    events.emit("load-published", f);
    if (r.published.get() == 0) {
      throw new IllegalStateException("load-publish: none of " + count
          + " messages could be published");
    }
  }

  private Run paced(String topic, int count, double rate, int size, long flag,
      long timeoutSeconds) throws Exception {
    Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    Run r = new Run();
    long start = System.nanoTime();
    for (long seq = 0; seq < count; seq++) {
      long due = start + (long) (seq * 1e9 / rate);
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        LockSupport.parkNanos(wait); // pacing to the offered rate, not waiting for a condition
      }
      if (!inFlight.tryAcquire(timeoutSeconds, TimeUnit.SECONDS)) {
        throw new TimeoutException("publishes stalled for " + timeoutSeconds + " s");
      }
      byte[] payload = new LoadPayload(seq | flag, LoadPayload.nowMicros(clock)).encode(size);
      pubsub.publish(topic, payload).whenComplete((outcome, error) -> {
        (error == null ? r.published : r.failed).incrementAndGet();
        if (error != null) {
          Throwable root = error instanceof CompletionException c && c.getCause() != null
              ? c.getCause() : error;
          r.firstError.compareAndSet(null, String.valueOf(root.getMessage()));
        }
        inFlight.release();
      });
    }
    if (!inFlight.tryAcquire(MAX_IN_FLIGHT, timeoutSeconds, TimeUnit.SECONDS)) {
      throw new TimeoutException("publishes unfinished after " + timeoutSeconds + " s");
    }
    r.seconds = (System.nanoTime() - start) / 1e9;
    return r;
  }

  private static final class Run {
    final AtomicLong published = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicReference<String> firstError = new AtomicReference<>();
    double seconds;
  }
}
