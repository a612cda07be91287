package dev.icon.node.ingress;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Records the demand on a service per client prefix: request counts and rates over a sliding
 * window, and client RTTs (the kernel's smoothed RTT of each client connection where the ingress
 * can read it, otherwise a {@link ClientRttSource} estimate). Keeps at most {@link
 * DemandConfig#maxPrefixes()} prefixes, evicting the least recently seen.
 *
 * <p>The window is counted in {@link DemandConfig#buckets()} slices: a request drops out when its
 * whole slice is older than the window, so the counted span lies between {@code window - slice}
 * and {@code window}.
 *
 * <p>Thread-safe: every method holds this object's lock for a short, allocation-light step
 * (snapshots copy out, O(prefixes)). Time comes only from the injected clock.
 */
public final class DemandRecorder {

  private final DemandConfig config;
  private final Clock clock;
  private final LinkedHashMap<ClientPrefix, PrefixWindow> prefixes;
  private long evicted;

  /** A recorder with {@code config}, reading time from {@code clock}. */
  public DemandRecorder(DemandConfig config, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.prefixes = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<ClientPrefix, PrefixWindow> eldest) {
        if (size() > config.maxPrefixes()) {
          evicted++;
          return true;
        }
        return false;
      }
    };
  }

  /** The config. */
  public DemandConfig config() {
    return config;
  }

  /** The clock it reads. */
  public Clock clock() {
    return clock;
  }

  /** The prefix {@code client} is counted in. */
  public ClientPrefix prefixOf(InetAddress client) {
    return ClientPrefix.of(client, config.ipv4PrefixBits(), config.ipv6PrefixBits());
  }

  /** Records one request from {@code client} without an RTT. */
  public void request(InetAddress client) {
    ClientPrefix prefix = prefixOf(client);
    long now = clock.millis();
    synchronized (this) {
      prefixes.computeIfAbsent(prefix, p -> new PrefixWindow(config)).request(now);
    }
  }

  /**
   * Records one request from {@code client} and an RTT sample measured for it.
   *
   * @throws IllegalArgumentException if {@code rtt} is negative
   */
  public void request(InetAddress client, Duration rtt, RttOrigin origin) {
    if (rtt.isNegative()) {
      throw new IllegalArgumentException("rtt: must not be negative, was " + rtt);
    }
    Objects.requireNonNull(origin, "origin");
    ClientPrefix prefix = prefixOf(client);
    long now = clock.millis();
    long micros = rtt.toNanos() / 1000;
    synchronized (this) {
      PrefixWindow w = prefixes.computeIfAbsent(prefix, p -> new PrefixWindow(config));
      w.request(now);
      w.rtt(now, micros, origin);
    }
  }

  /** How many prefixes are held now (at most {@link DemandConfig#maxPrefixes()}). */
  public synchronized int prefixCount() {
    return prefixes.size();
  }

  /** The demand now: every prefix with a request within the window, busiest first. */
  public DemandSnapshot snapshot() {
    long now = clock.millis();
    long windowMillis = config.window().toMillis();
    double seconds = windowMillis / 1000.0;
    List<PrefixDemand> out = new ArrayList<>();
    long evictedNow;
    synchronized (this) {
      for (Map.Entry<ClientPrefix, PrefixWindow> e : prefixes.entrySet()) {
        PrefixWindow w = e.getValue();
        long n = w.inWindow(now);
        if (n == 0) {
          continue;
        }
        out.add(new PrefixDemand(e.getKey(), n, n / seconds, w.total(),
            PrefixWindow.instant(w.lastSeenMillis()), w.rttStats(now, windowMillis)));
      }
      evictedNow = evicted;
    }
    out.sort(Comparator.comparingLong(PrefixDemand::requestsInWindow).reversed()
        .thenComparing(p -> p.prefix().toString()));
    return new DemandSnapshot(clock.instant(), config.window(), out, evictedNow);
  }
}
