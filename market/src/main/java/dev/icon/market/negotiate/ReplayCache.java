package dev.icon.market.negotiate;

import com.google.protobuf.ByteString;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * Remembers nonces until their message expires, so a replayed request is refused while it would
 * otherwise still be valid. Bounded twice: by expiry (a nonce is forgotten once its message has
 * expired, and expired messages are refused anyway) and by {@code capacity} (when full of unexpired
 * nonces, new ones are refused: failing closed beats forgetting).
 *
 * <p>Thread-safe (one lock); time comes from the injected {@link Clock}.
 */
public final class ReplayCache {

  /** What {@link #remember} decided. */
  public enum Verdict {
    /** First time seen: remembered until its expiry. */
    FRESH,
    /** Seen before and not yet expired. */
    REPLAY,
    /** The cache is full of unexpired nonces. */
    FULL
  }

  private record Entry(long expiresAtMillis, ByteString nonce) {}

  private final Clock clock;
  private final int capacity;
  private final Map<ByteString, Long> expiries = new HashMap<>();
  private final PriorityQueue<Entry> byExpiry =
      new PriorityQueue<>((a, b) -> Long.compare(a.expiresAtMillis, b.expiresAtMillis));

  /** A cache of at most {@code capacity} nonces, judging expiry by {@code clock}. */
  public ReplayCache(Clock clock, int capacity) {
    this.clock = Objects.requireNonNull(clock, "clock");
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
  }

  /** Records {@code nonce}, valid until {@code expiresAtMillis}, unless already seen. */
  public synchronized Verdict remember(ByteString nonce, long expiresAtMillis) {
    evictExpired(clock.millis());
    if (expiries.containsKey(nonce)) {
      return Verdict.REPLAY;
    }
    if (expiries.size() >= capacity) {
      return Verdict.FULL;
    }
    expiries.put(nonce, expiresAtMillis);
    byExpiry.add(new Entry(expiresAtMillis, nonce));
    return Verdict.FRESH;
  }

  /** The number of nonces remembered (expired ones are dropped first). */
  public synchronized int size() {
    evictExpired(clock.millis());
    return expiries.size();
  }

  private void evictExpired(long now) {
    while (!byExpiry.isEmpty() && byExpiry.peek().expiresAtMillis <= now) {
      expiries.remove(byExpiry.poll().nonce);
    }
  }
}
