package dev.icon.tomography.share;

import dev.icon.overlay.identity.PeerId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts refused deltas by reason, and logs each (reason, peer) pair at most once per interval so
 * that a hostile or broken peer cannot flood the log: the next line after a quiet interval says
 * how many were suppressed. Remembers at most {@code maxKeys} pairs (forgets all beyond, which at
 * worst logs a pair early). Thread-safe.
 */
final class RejectionLog {

  private static final Logger LOG = LoggerFactory.getLogger(RejectionLog.class);
  private static final TopologyShareError[] REASONS = TopologyShareError.values();

  private record Key(TopologyShareError reason, PeerId peer) {}

  private static final class Window {
    Instant lastLogged;
    long suppressed;
  }

  private final Clock clock;
  private final Duration interval;
  private final int maxKeys;
  private final AtomicLongArray counts = new AtomicLongArray(REASONS.length);
  private final Map<Key, Window> windows = new ConcurrentHashMap<>();

  RejectionLog(Clock clock, Duration interval, int maxKeys) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.interval = Objects.requireNonNull(interval, "interval");
    this.maxKeys = maxKeys;
  }

  /** Counts one refusal of a delta from {@code peer} and logs it unless logged recently. */
  boolean record(TopologyShareError reason, PeerId peer, String detail) {
    counts.incrementAndGet(reason.ordinal());
    if (windows.size() >= maxKeys) {
      windows.clear();
    }
    Window w = windows.computeIfAbsent(new Key(reason, peer), k -> new Window());
    Instant now = clock.instant();
    long suppressed;
    synchronized (w) {
      if (w.lastLogged != null && now.isBefore(w.lastLogged.plus(interval))) {
        w.suppressed++;
        return false;
      }
      w.lastLogged = now;
      suppressed = w.suppressed;
      w.suppressed = 0;
    }
    String who = peer == null ? "an unsigned message" : String.valueOf(peer);
    if (reason.verdict() == dev.icon.gossip.api.ValidationResult.REJECT) {
      LOG.warn("topology delta from {} refused ({}): {}{}", who, reason, detail, tail(suppressed));
    } else {
      LOG.info("topology delta from {} ignored ({}): {}{}", who, reason, detail, tail(suppressed));
    }
    return true;
  }

  private String tail(long suppressed) {
    return (suppressed > 0 ? "; " + suppressed + " more not logged" : "")
        + "; the next of this kind from this peer is logged after " + interval;
  }

  /** How many (reason, peer) pairs are remembered. */
  int tracked() {
    return windows.size();
  }

  /** How many refusals per reason so far (reasons never seen are absent). */
  Map<TopologyShareError, Long> counts() {
    Map<TopologyShareError, Long> out = new EnumMap<>(TopologyShareError.class);
    for (TopologyShareError r : REASONS) {
      long n = counts.get(r.ordinal());
      if (n > 0) {
        out.put(r, n);
      }
    }
    return out;
  }
}
