package dev.icon.gossip.router;

import dev.icon.gossip.api.MessageId;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Message ids seen within a time-to-live ({@code seen_ttl}, spec default 2 minutes), so a message
 * is processed once however many peers forward it. Bounded: past {@code maxEntries} the oldest id is
 * evicted first. The TTL runs from the first sighting (seeing an id again does not extend it).
 *
 * <p>All operations are amortised O(1): entries are kept in insertion order, which is also expiry
 * order, and expired ones are removed from the head as operations pass.
 *
 * <p>Not thread-safe: owned by the router's event loop. Time comes from the injected monotonic
 * nanosecond clock (e.g. {@code System::nanoTime}, or a test's manual clock).
 */
public final class SeenCache {

  private final long ttlNanos;
  private final int maxEntries;
  private final LongSupplier nanoClock;
  // id -> expiry instant in clock nanos, in insertion (= expiry) order.
  private final LinkedHashMap<MessageId, Long> entries = new LinkedHashMap<>();

  /**
   * @param ttl how long an id is remembered, positive
   * @param maxEntries size bound, at least 1
   * @param nanoClock monotonic clock in nanoseconds
   */
  public SeenCache(Duration ttl, int maxEntries, LongSupplier nanoClock) {
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive: " + ttl);
    }
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be >= 1: " + maxEntries);
    }
    this.ttlNanos = ttl.toNanos();
    this.maxEntries = maxEntries;
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
  }

  /** A cache with {@code config}'s seenTtl and seenMaxEntries. */
  public static SeenCache create(GossipConfig config, LongSupplier nanoClock) {
    return new SeenCache(config.seenTtl(), config.seenMaxEntries(), nanoClock);
  }

  /**
   * Records {@code id} as seen now.
   *
   * @return true if the id was not already seen (within its TTL), i.e. the message is new
   */
  public boolean add(MessageId id) {
    Objects.requireNonNull(id, "id");
    long now = nanoClock.getAsLong();
    purgeExpired(now);
    if (entries.containsKey(id)) {
      return false;
    }
    if (entries.size() >= maxEntries) {
      Iterator<MessageId> it = entries.keySet().iterator();
      it.next();
      it.remove();
    }
    entries.put(id, now + ttlNanos);
    return true;
  }

  /** Whether {@code id} was seen within its TTL (and not evicted for size). */
  public boolean contains(MessageId id) {
    long now = nanoClock.getAsLong();
    purgeExpired(now);
    return entries.containsKey(id);
  }

  /** Removes expired ids; the router may call this at heartbeat. Returns how many were removed. */
  public int expire() {
    return purgeExpired(nanoClock.getAsLong());
  }

  /** Number of ids held (expired ones may linger until the next operation). */
  public int size() {
    return entries.size();
  }

  private int purgeExpired(long now) {
    int removed = 0;
    Iterator<Map.Entry<MessageId, Long>> it = entries.entrySet().iterator();
    while (it.hasNext()) {
      // Overflow-safe comparison of monotonic nanos.
      if (it.next().getValue() - now > 0) {
        break;
      }
      it.remove();
      removed++;
    }
    return removed;
  }
}
