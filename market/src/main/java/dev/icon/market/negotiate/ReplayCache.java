package dev.icon.market.negotiate;

import com.google.protobuf.ByteString;
import dev.icon.overlay.identity.PeerId;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * Remembers nonces until their message expires, so a replayed request is refused while it would
 * otherwise still be valid. Bounded three times: by expiry (a nonce is forgotten once its message
 * has expired, and expired messages are refused anyway), by {@code capacity} (when full of
 * unexpired nonces, new ones are refused: failing closed beats forgetting) and by {@code perPeer}
 * (one peer cannot fill the cache and lock others out).
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
    FULL,
    /** This peer already has its share of unexpired nonces. */
    PEER_FULL
  }

  private record Entry(long expiresAtMillis, ByteString nonce, PeerId peer) {}

  private final Clock clock;
  private final int capacity;
  private final int perPeer;
  private final Map<ByteString, Long> expiries = new HashMap<>();
  private final Map<PeerId, Integer> counts = new HashMap<>();
  private final PriorityQueue<Entry> byExpiry =
      new PriorityQueue<>((a, b) -> Long.compare(a.expiresAtMillis, b.expiresAtMillis));

  /**
   * A cache of at most {@code capacity} nonces, at most {@code perPeer} of them from one peer,
   * judging expiry by {@code clock}.
   */
  public ReplayCache(Clock clock, int capacity, int perPeer) {
    this.clock = Objects.requireNonNull(clock, "clock");
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    if (perPeer <= 0) {
      throw new IllegalArgumentException("perPeer must be positive: " + perPeer);
    }
    this.capacity = capacity;
    this.perPeer = perPeer;
  }

  /** Records {@code peer}'s {@code nonce}, valid until {@code expiresAtMillis}, unless seen. */
  public synchronized Verdict remember(PeerId peer, ByteString nonce, long expiresAtMillis) {
    evictExpired(clock.millis());
    if (expiries.containsKey(nonce)) {
      return Verdict.REPLAY;
    }
    if (expiries.size() >= capacity) {
      return Verdict.FULL;
    }
    if (counts.getOrDefault(peer, 0) >= perPeer) {
      return Verdict.PEER_FULL;
    }
    expiries.put(nonce, expiresAtMillis);
    counts.merge(peer, 1, Integer::sum);
    byExpiry.add(new Entry(expiresAtMillis, nonce, peer));
    return Verdict.FRESH;
  }

  /** The number of nonces remembered (expired ones are dropped first). */
  public synchronized int size() {
    evictExpired(clock.millis());
    return expiries.size();
  }

  private void evictExpired(long now) {
    while (!byExpiry.isEmpty() && byExpiry.peek().expiresAtMillis <= now) {
      Entry e = byExpiry.poll();
      expiries.remove(e.nonce);
      counts.computeIfPresent(e.peer, (p, n) -> n == 1 ? null : n - 1);
    }
  }
}
