package dev.icon.node.cli.peer;

import dev.icon.gossip.api.PubSub;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code --load-publish}: publishes {@code count} {@link LoadPayload}s of {@code size} bytes at
 * {@code rate} per second, paced against the start time (messages that fall due together go out
 * together), then prints {@code load-published} {topic, count, failed, seconds, first_error}. A publish that
 * fails (no peers yet, queue full) counts in {@code failed} and the run goes on; at most
 * {@link #MAX_IN_FLIGHT} publishes are outstanding. Runs on the calling thread, which it blocks.
 */
final class LoadPublisher {

  static final int MAX_IN_FLIGHT = 1024;

  private final PubSub pubsub;
  private final EventPrinter events;
  private final Clock clock;

  LoadPublisher(PubSub pubsub, EventPrinter events, Clock clock) {
    this.pubsub = pubsub;
    this.events = events;
    this.clock = clock;
  }

  /** Publishes and reports; throws when not a single message could be published. */
  void run(String topic, int count, double rate, int size, long timeoutSeconds) throws Exception {
    Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    AtomicLong published = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    java.util.concurrent.atomic.AtomicReference<String> firstError =
        new java.util.concurrent.atomic.AtomicReference<>();
    long start = System.nanoTime();
    for (long seq = 0; seq < count; seq++) {
      long due = start + (long) (seq * 1e9 / rate);
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        LockSupport.parkNanos(wait); // pacing to the offered rate, not waiting for a condition
      }
      if (!inFlight.tryAcquire(timeoutSeconds, TimeUnit.SECONDS)) {
        throw new java.util.concurrent.TimeoutException("publishes stalled for " + timeoutSeconds
            + " s");
      }
      byte[] payload = new LoadPayload(seq, LoadPayload.nowMicros(clock)).encode(size);
      pubsub.publish(topic, payload).whenComplete((outcome, error) -> {
        (error == null ? published : failed).incrementAndGet();
        if (error != null) {
          Throwable root = error instanceof java.util.concurrent.CompletionException c
              && c.getCause() != null ? c.getCause() : error;
          firstError.compareAndSet(null, String.valueOf(root.getMessage()));
        }
        inFlight.release();
      });
    }
    if (!inFlight.tryAcquire(MAX_IN_FLIGHT, timeoutSeconds, TimeUnit.SECONDS)) {
      throw new java.util.concurrent.TimeoutException("publishes unfinished after "
          + timeoutSeconds + " s");
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("topic", topic);
    f.put("count", published.get());
    f.put("failed", failed.get());
    f.put("seconds", seconds);
    f.put("first_error", firstError.get());
    events.emit("load-published", f);
    if (published.get() == 0) {
      throw new IllegalStateException("load-publish: none of " + count
          + " messages could be published");
    }
  }
}
