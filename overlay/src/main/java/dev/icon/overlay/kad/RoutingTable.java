package dev.icon.overlay.kad;

import dev.icon.overlay.identity.PeerId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The Kademlia routing table: one k-bucket per common prefix length (cpl) with our own key, 0 (the
 * farther half of the key space) to 255. Equivalent to the spec's lazily split table, with each
 * cpl's bucket holding up to {@code k} peers, so the table holds at most {@code 256 * k} peers.
 *
 * <p>Within a bucket peers are ordered least- to most-recently seen. {@link #offer} of a known peer
 * moves it to the most-recent end. A new peer joins a bucket with room; when the bucket is full the
 * {@link LivenessCheck} is asked about its least-recently-seen peer, and the candidate replaces it
 * only if that peer is dead (Kademlia's preference for long-lived peers). While such a check is in
 * flight, further candidates for the same bucket are dropped.
 *
 * <p>Refresh bookkeeping: each bucket remembers when a lookup last targeted a key in it ({@link
 * #markRefreshed}); {@link #bucketsNeedingRefresh} lists the cpls whose bucket is overdue.
 *
 * <p>Thread-safe: every method takes the table's lock briefly; the liveness check runs without it,
 * and the stage returned by {@link #offer} completes on the thread that completes the check.
 */
public final class RoutingTable {

  /** What {@link #offer} did with a peer. */
  public enum Outcome {
    /** The peer was new and its bucket had room. */
    ADDED,
    /** The peer was known; it is now the most recently seen of its bucket. */
    UPDATED,
    /** The peer is ourselves; never stored. */
    REJECTED_SELF,
    /** The bucket was full of live peers (or a check was already running); peer dropped. */
    BUCKET_FULL,
    /** The bucket's least-recently-seen peer was dead; the new peer replaced it. */
    REPLACED_DEAD
  }

  private record Entry(PeerId peer, KadKey key, Instant lastSeen) {}

  private final PeerId self;
  private final KadKey selfKey;
  private final int k;
  private final LivenessCheck liveness;
  private final Clock clock;
  private final Object lock = new Object();
  private final List<LinkedHashMap<PeerId, Entry>> buckets = new ArrayList<>(KadKey.BITS);
  private final boolean[] checking = new boolean[KadKey.BITS];
  private final Instant[] lastRefreshed = new Instant[KadKey.BITS];
  private int size;

  /**
   * A table for {@code self} with buckets of {@code k} peers. Buckets count as never refreshed.
   *
   * @throws IllegalArgumentException if {@code k} is not positive
   */
  public RoutingTable(PeerId self, int k, LivenessCheck liveness, Clock clock) {
    if (k <= 0) {
      throw new IllegalArgumentException("k must be positive: " + k);
    }
    this.self = Objects.requireNonNull(self, "self");
    this.selfKey = KadKey.of(self);
    this.k = k;
    this.liveness = Objects.requireNonNull(liveness, "liveness");
    this.clock = Objects.requireNonNull(clock, "clock");
    for (int i = 0; i < KadKey.BITS; i++) {
      buckets.add(new LinkedHashMap<>());
      lastRefreshed[i] = Instant.MIN;
    }
  }

  /** Our own peer id. */
  public PeerId self() {
    return self;
  }

  /** Our own key-space point. */
  public KadKey selfKey() {
    return selfKey;
  }

  /** The bucket size. */
  public int k() {
    return k;
  }

  /**
   * Records that {@code peer} was seen alive (it answered us, or is a useful server we connected
   * to). Completes at once unless a liveness check is needed.
   */
  public CompletionStage<Outcome> offer(PeerId peer) {
    KadKey key = KadKey.of(peer);
    int cpl = selfKey.commonPrefixLength(key);
    PeerId oldest;
    synchronized (lock) {
      if (cpl == KadKey.BITS) {
        return CompletableFuture.completedFuture(Outcome.REJECTED_SELF);
      }
      LinkedHashMap<PeerId, Entry> bucket = buckets.get(cpl);
      if (bucket.remove(peer) != null) {
        bucket.put(peer, new Entry(peer, key, clock.instant()));
        return CompletableFuture.completedFuture(Outcome.UPDATED);
      }
      if (bucket.size() < k) {
        bucket.put(peer, new Entry(peer, key, clock.instant()));
        size++;
        return CompletableFuture.completedFuture(Outcome.ADDED);
      }
      if (checking[cpl]) {
        return CompletableFuture.completedFuture(Outcome.BUCKET_FULL);
      }
      checking[cpl] = true;
      oldest = bucket.keySet().iterator().next();
    }
    CompletionStage<Boolean> check;
    try {
      check = liveness.isAlive(oldest);
    } catch (RuntimeException e) {
      check = CompletableFuture.failedFuture(e);
    }
    return check.handle((alive, error) -> settle(cpl, oldest, peer, key, error == null && alive));
  }

  private Outcome settle(int cpl, PeerId oldest, PeerId candidate, KadKey key, boolean alive) {
    synchronized (lock) {
      checking[cpl] = false;
      LinkedHashMap<PeerId, Entry> bucket = buckets.get(cpl);
      if (alive) {
        Entry entry = bucket.remove(oldest);
        if (entry != null) {
          bucket.put(oldest, new Entry(oldest, entry.key(), clock.instant()));
        }
        return Outcome.BUCKET_FULL;
      }
      if (bucket.remove(oldest) != null) {
        size--;
      }
      if (bucket.containsKey(candidate) || bucket.size() >= k) {
        return Outcome.BUCKET_FULL;
      }
      bucket.put(candidate, new Entry(candidate, key, clock.instant()));
      size++;
      return Outcome.REPLACED_DEAD;
    }
  }

  /** Removes {@code peer} (e.g. it failed repeatedly); true if it was present. */
  public boolean remove(PeerId peer) {
    int cpl = selfKey.commonPrefixLength(KadKey.of(peer));
    synchronized (lock) {
      if (cpl < KadKey.BITS && buckets.get(cpl).remove(peer) != null) {
        size--;
        return true;
      }
      return false;
    }
  }

  /** Whether {@code peer} is in the table. */
  public boolean contains(PeerId peer) {
    int cpl = selfKey.commonPrefixLength(KadKey.of(peer));
    synchronized (lock) {
      return cpl < KadKey.BITS && buckets.get(cpl).containsKey(peer);
    }
  }

  /** When {@code peer} was last seen, if it is in the table. */
  public Optional<Instant> lastSeen(PeerId peer) {
    int cpl = selfKey.commonPrefixLength(KadKey.of(peer));
    synchronized (lock) {
      Entry entry = cpl < KadKey.BITS ? buckets.get(cpl).get(peer) : null;
      return Optional.ofNullable(entry).map(Entry::lastSeen);
    }
  }

  /** Peers in the table. */
  public int size() {
    synchronized (lock) {
      return size;
    }
  }

  /** The peers of the bucket for {@code cpl}, least- to most-recently seen. */
  public List<PeerId> bucket(int cpl) {
    synchronized (lock) {
      return List.copyOf(buckets.get(cpl).keySet());
    }
  }

  /** All peers in the table, by bucket (farthest bucket first). */
  public List<PeerId> peers() {
    synchronized (lock) {
      List<PeerId> out = new ArrayList<>(size);
      buckets.forEach(b -> out.addAll(b.keySet()));
      return out;
    }
  }

  /** Up to {@code n} peers of the table closest to {@code target}, closest first. */
  public List<PeerId> closest(KadKey target, int n) {
    List<Entry> all = new ArrayList<>();
    synchronized (lock) {
      buckets.forEach(b -> all.addAll(b.values()));
    }
    Comparator<KadKey> byDistance = target.byDistance();
    all.sort((a, b) -> byDistance.compare(a.key(), b.key()));
    return all.stream().limit(Math.max(0, n)).map(Entry::peer).toList();
  }

  /** Records that a lookup toward {@code target} ran now: refreshes the bucket it falls in. */
  public void markRefreshed(KadKey target) {
    int cpl = selfKey.commonPrefixLength(target);
    if (cpl < KadKey.BITS) {
      markRefreshed(cpl);
    }
  }

  /** Records that the bucket for {@code cpl} was refreshed now. */
  public void markRefreshed(int cpl) {
    synchronized (lock) {
      lastRefreshed[cpl] = clock.instant();
    }
  }

  /** When the bucket for {@code cpl} was last refreshed ({@link Instant#MIN} if never). */
  public Instant lastRefreshed(int cpl) {
    synchronized (lock) {
      return lastRefreshed[cpl];
    }
  }

  /**
   * The cpls, ascending, whose bucket was not refreshed within {@code interval}: every cpl from 0
   * to the smaller of {@code maxCpl} and the highest cpl holding a peer (go-libp2p's rule: deeper
   * buckets are empty, and looking them up would only find the same close peers).
   */
  public List<Integer> bucketsNeedingRefresh(Duration interval, int maxCpl) {
    Instant now = clock.instant();
    List<Integer> out = new ArrayList<>();
    synchronized (lock) {
      int highest = 0;
      for (int cpl = 0; cpl < KadKey.BITS; cpl++) {
        if (!buckets.get(cpl).isEmpty()) {
          highest = cpl;
        }
      }
      for (int cpl = 0; cpl <= Math.min(maxCpl, highest); cpl++) {
        Instant last = lastRefreshed[cpl];
        if (last.equals(Instant.MIN) || !last.plus(interval).isAfter(now)) {
          out.add(cpl);
        }
      }
    }
    return out;
  }
}
