package dev.icon.gossip;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * What one node's handler received, by message number: how many times each arrived, and the
 * delivery latency of each first arrival (into a histogram shared by all nodes through the
 * {@link Clock}). Thread-safe: handlers run on each node's router thread.
 */
final class DeliveryLog {

  /** When and by whom each message number was published; the latency histogram of the network. */
  static final class Clock {
    private final AtomicLongArray publishedAt;
    private final AtomicIntegerArray publisher;
    final ConcurrentHistogram latencyMicros = new ConcurrentHistogram(3);

    Clock(int maxMessages) {
      publishedAt = new AtomicLongArray(maxMessages);
      publisher = new AtomicIntegerArray(maxMessages);
    }

    void published(int no, int publisherIndex) {
      publisher.set(no, publisherIndex);
      publishedAt.set(no, System.nanoTime());
    }

    /** How many of [from, to) have been published. */
    int publishedCount(int from, int to) {
      int n = 0;
      for (int no = from; no < to; no++) {
        n += publishedAt.get(no) != 0 ? 1 : 0;
      }
      return n;
    }

    /** The first of [from, to) published at or after {@code nanos} ({@code to} if none). */
    int firstPublishedAtOrAfter(int from, int to, long nanos) {
      for (int no = from; no < to; no++) {
        long at = publishedAt.get(no);
        if (at != 0 && at - nanos >= 0) {
          return no;
        }
      }
      return to;
    }

    int publisherOf(int no) {
      return publisher.get(no);
    }

    /** p50 / p99 / max of the delivery latencies recorded since the last call, in ms, and resets. */
    String latencySummaryAndReset() {
      String s = String.format("latency p50 %.1f ms, p99 %.1f ms, max %.1f ms over %d deliveries",
          latencyMicros.getValueAtPercentile(50) / 1e3, latencyMicros.getValueAtPercentile(99) / 1e3,
          latencyMicros.getMaxValue() / 1e3, latencyMicros.getTotalCount());
      latencyMicros.reset();
      return s;
    }
  }

  private final Clock clock;
  private final int self;
  private final AtomicIntegerArray counts;
  /** Called after each first delivery (e.g. to release a flow-control permit). */
  volatile Runnable onFirstDelivery = () -> {};

  DeliveryLog(Clock clock, int self, int maxMessages) {
    this.clock = clock;
    this.self = self;
    this.counts = new AtomicIntegerArray(maxMessages);
  }

  /** Called by the node's handler for message {@code no}. */
  void record(int no) {
    if (counts.getAndIncrement(no) == 0) {
      long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - clock.publishedAt.get(no));
      clock.latencyMicros.recordValue(Math.max(0, micros));
      onFirstDelivery.run();
    }
  }

  /** How many times message {@code no} was delivered here. */
  int count(int no) {
    return counts.get(no);
  }

  /** Messages in [from, to) that others published and this node has not received. */
  int missing(int from, int to) {
    int missing = 0;
    for (int no = from; no < to; no++) {
      if (counts.get(no) == 0 && clock.publisherOf(no) != self) {
        missing++;
      }
    }
    return missing;
  }

  /** Messages in [from, to) delivered more than once (or delivered to their own publisher). */
  int duplicates(int from, int to) {
    int dup = 0;
    for (int no = from; no < to; no++) {
      int c = counts.get(no);
      if (c > 1 || (c > 0 && clock.publisherOf(no) == self)) {
        dup++;
      }
    }
    return dup;
  }
}
