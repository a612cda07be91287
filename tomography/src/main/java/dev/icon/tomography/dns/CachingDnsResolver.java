package dev.icon.tomography.dns;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.xbill.DNS.Name;

/**
 * Keeps answers: positive ones for their smallest record TTL, NXDOMAIN/NODATA for the SOA's
 * negative TTL (or {@link DnsConfig#negativeTtl()} when the reply had none), both capped by
 * {@link DnsConfig#maxTtl()} and {@link DnsConfig#negativeTtl()}; failures (SERVFAIL, timeouts)
 * are never kept. At most {@link DnsConfig#maxCacheEntries()} answers, the oldest dropped first.
 *
 * <p>Thread-safe.
 */
public final class CachingDnsResolver implements DnsResolver {

  private final DnsResolver delegate;
  private final DnsConfig config;
  private final Clock clock;
  private final Map<Key, Entry> cache = new LinkedHashMap<>();

  /** A cache in front of {@code delegate}, reading time from {@code clock}. */
  public CachingDnsResolver(DnsResolver delegate, DnsConfig config, Clock clock) {
    this.delegate = delegate;
    this.config = config;
    this.clock = clock;
  }

  @Override
  public CompletableFuture<DnsAnswer> query(Name name, int type) {
    Key key = new Key(name.canonicalize(), type);
    synchronized (this) {
      Entry e = cache.get(key);
      if (e != null && clock.instant().isBefore(e.expiresAt)) {
        return CompletableFuture.completedFuture(e.answer);
      }
      cache.remove(key);
    }
    return delegate.query(name, type).thenApply(answer -> {
      store(key, answer);
      return answer;
    });
  }

  /** How many answers are kept now (expired ones included until looked up). */
  public synchronized int size() {
    return cache.size();
  }

  private void store(Key key, DnsAnswer answer) {
    Duration keep = keepFor(answer);
    if (keep.isZero() || config.maxCacheEntries() == 0) {
      return;
    }
    synchronized (this) {
      cache.remove(key);
      cache.put(key, new Entry(answer, clock.instant().plus(keep)));
      while (cache.size() > config.maxCacheEntries()) {
        cache.remove(cache.keySet().iterator().next());
      }
    }
  }

  private Duration keepFor(DnsAnswer answer) {
    if (answer.status() == DnsStatus.OK) {
      return min(answer.ttl(), config.maxTtl());
    }
    if (answer.status().isNegative()) {
      Duration soa = answer.ttl().isZero() ? config.negativeTtl() : answer.ttl();
      return min(min(soa, config.negativeTtl()), config.maxTtl());
    }
    return Duration.ZERO;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private record Key(Name name, int type) {}

  private record Entry(DnsAnswer answer, Instant expiresAt) {}
}
