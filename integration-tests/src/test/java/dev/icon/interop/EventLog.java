package dev.icon.interop;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * Every event a js peer has printed, in order, with blocking look-ups.
 *
 * <p>Thread-safe: the reader thread {@link #add adds} events and finally {@link #end ends} the log
 * when the process's stdout closes; test threads wait on it. Waiting is on a condition that every
 * new event and the end signal, never a sleep. The history is bounded: past {@code capacity}
 * events the oldest are dropped (a long benchmark prints a few events per run).
 */
final class EventLog {

  private final int capacity;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final List<JsonNode> events = new ArrayList<>();
  private long dropped;
  private boolean ended;

  EventLog(int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
  }

  /** Records one event and wakes every waiter. */
  void add(JsonNode event) {
    lock.lock();
    try {
      if (events.size() == capacity) {
        events.remove(0);
        dropped++;
      }
      events.add(event);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Marks the end of output (the process closed stdout); waiters then stop waiting. */
  void end() {
    lock.lock();
    try {
      ended = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * The first recorded event (earliest first, including those recorded before the call) that
   * matches, waiting up to {@code timeout}; empty on timeout or when the output ended without one.
   */
  Optional<JsonNode> await(Predicate<JsonNode> matcher, Duration timeout) throws InterruptedException {
    long remaining = timeout.toNanos();
    lock.lock();
    try {
      long scanned = dropped; // sequence number of the next event to test
      while (true) {
        for (int i = (int) Math.max(0, scanned - dropped); i < events.size(); i++) {
          if (matcher.test(events.get(i))) {
            return Optional.of(events.get(i));
          }
        }
        scanned = dropped + events.size();
        if (ended || remaining <= 0) {
          return Optional.empty();
        }
        remaining = changed.awaitNanos(remaining);
      }
    } finally {
      lock.unlock();
    }
  }

  /** A snapshot of the recorded events that match, earliest first. */
  List<JsonNode> matching(Predicate<JsonNode> matcher) {
    lock.lock();
    try {
      return events.stream().filter(matcher).toList();
    } finally {
      lock.unlock();
    }
  }

  /** The last {@code n} events as JSON lines, for failure messages. */
  String tail(int n) {
    lock.lock();
    try {
      StringBuilder out = new StringBuilder();
      if (dropped > 0) {
        out.append("[").append(dropped).append(" earlier events dropped]\n");
      }
      int from = Math.max(0, events.size() - n);
      if (from > 0) {
        out.append("[").append(from).append(" earlier events not shown]\n");
      }
      for (JsonNode e : events.subList(from, events.size())) {
        out.append(e).append('\n');
      }
      return out.toString();
    } finally {
      lock.unlock();
    }
  }
}
