package dev.icon.gossip.router;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * Per (peer, topic) GRAFT backoff (gossipsub v1.1): after a PRUNE either side waits out the backoff
 * before grafting again; a GRAFT received inside it is answered with a PRUNE and penalised (P7),
 * twice if it came within {@code graftFloodThreshold} of the backoff being set.
 *
 * <p>Backoffs only ever extend (a shorter new backoff never cuts an existing one) and are clamped to
 * {@code maxBackoff}, which protects against absurd peer-supplied PRUNE values. {@link #expire()}
 * drops elapsed entries; the router calls it each heartbeat.
 *
 * <p>Not thread-safe: owned by the router's event loop. Time comes from the injected monotonic
 * nanosecond clock.
 *
 * @param <P> peer key type (e.g. {@code PeerId})
 */
public final class BackoffTracker<P> {

  private final long defaultBackoffNanos;
  private final long maxBackoffNanos;
  private final long floodThresholdNanos;
  private final LongSupplier nanoClock;
  private final Map<Key<P>, Entry> entries = new HashMap<>();

  /**
   * @param defaultBackoff backoff used when a PRUNE carries none (the config's pruneBackoff)
   * @param maxBackoff clamp for every backoff
   * @param graftFloodThreshold window after setting a backoff in which a GRAFT is a flood
   * @param nanoClock monotonic clock in nanoseconds
   */
  public BackoffTracker(Duration defaultBackoff, Duration maxBackoff, Duration graftFloodThreshold,
      LongSupplier nanoClock) {
    this.defaultBackoffNanos = defaultBackoff.toNanos();
    this.maxBackoffNanos = maxBackoff.toNanos();
    this.floodThresholdNanos = graftFloodThreshold.toNanos();
    if (defaultBackoffNanos <= 0 || maxBackoffNanos < defaultBackoffNanos || floodThresholdNanos < 0) {
      throw new IllegalArgumentException("need 0 < defaultBackoff <= maxBackoff and graftFloodThreshold >= 0");
    }
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
  }

  /** A tracker with {@code config}'s pruneBackoff, maxBackoff and graftFloodThreshold. */
  public static <P> BackoffTracker<P> create(GossipConfig config, LongSupplier nanoClock) {
    return new BackoffTracker<>(config.pruneBackoff(), config.maxBackoff(), config.graftFloodThreshold(), nanoClock);
  }

  /**
   * Backs {@code peer} off {@code topic} for {@code duration} from now (clamped to [0, maxBackoff]),
   * unless an existing backoff already lasts longer.
   */
  public void backoff(P peer, String topic, Duration duration) {
    long nanos = duration.isNegative() ? 0 : duration.compareTo(Duration.ofNanos(maxBackoffNanos)) > 0
        ? maxBackoffNanos : duration.toNanos();
    put(peer, topic, nanos);
  }

  /** Backs off for the default (prune) backoff. */
  public void backoff(P peer, String topic) {
    put(peer, topic, defaultBackoffNanos);
  }

  /**
   * Applies the backoff field of a received PRUNE: an unsigned 64-bit number of seconds (clamped to
   * maxBackoff), or the default backoff if the field is absent.
   */
  public void backoffFromPrune(P peer, String topic, OptionalLong unsignedSeconds) {
    if (unsignedSeconds.isEmpty()) {
      backoff(peer, topic);
      return;
    }
    long maxSeconds = maxBackoffNanos / 1_000_000_000L;
    long seconds = unsignedSeconds.getAsLong();
    put(peer, topic, Long.compareUnsigned(seconds, maxSeconds) > 0 ? maxBackoffNanos : seconds * 1_000_000_000L);
  }

  /** Whether {@code peer} is backed off {@code topic} now. */
  public boolean isBackedOff(P peer, String topic) {
    return !remaining(peer, topic).isZero();
  }

  /** Time left on the backoff, or zero if none. */
  public Duration remaining(P peer, String topic) {
    Entry e = entries.get(new Key<>(peer, topic));
    if (e == null) {
      return Duration.ZERO;
    }
    long left = e.expiry - nanoClock.getAsLong();
    return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
  }

  /**
   * Whether a GRAFT from {@code peer} now is a flood: inside the backoff and within
   * graftFloodThreshold of the backoff being (last) set. The router then penalises it twice.
   */
  public boolean isGraftFlood(P peer, String topic) {
    Entry e = entries.get(new Key<>(peer, topic));
    if (e == null) {
      return false;
    }
    long now = nanoClock.getAsLong();
    return e.expiry - now > 0 && now - e.setAt < floodThresholdNanos;
  }

  /** Heartbeat cleanup: removes elapsed backoffs. Returns how many were removed. */
  public int expire() {
    long now = nanoClock.getAsLong();
    int before = entries.size();
    entries.values().removeIf(e -> e.expiry - now <= 0);
    return before - entries.size();
  }

  /** Number of tracked (possibly elapsed, until {@link #expire()}) backoffs. */
  public int size() {
    return entries.size();
  }

  private void put(P peer, String topic, long nanos) {
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(topic, "topic");
    long now = nanoClock.getAsLong();
    long expiry = now + nanos;
    Key<P> key = new Key<>(peer, topic);
    Entry old = entries.get(key);
    if (old == null || expiry - old.expiry > 0) {
      entries.put(key, new Entry(now, expiry));
    }
  }

  private record Key<P>(P peer, String topic) {}

  private record Entry(long setAt, long expiry) {}
}
