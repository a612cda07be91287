package dev.icon.tomography.probe;

import dev.icon.proto.icon.probe.ProbeStatus;
import dev.icon.tomography.map.IpPrefix;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The budgets of the serving side of {@code /icon/probe/1.0.0}: a token bucket per asking peer, one
 * for everyone together, and one per target shared by every asker (an IPv4 address or an IPv6
 * /64; {@link ProbeConfig} gives sizes and rates). A probe of {@code count} packets is admitted only if all three buckets hold {@code
 * count} tokens, and then takes them from all three; a refusal takes nothing. The per-peer and
 * per-target tables are bounded: full (idle) buckets are forgotten first, and when every tracked
 * bucket is in use a new peer or target is refused.
 *
 * <p>Thread-safe (one lock); time comes from the injected clock.
 */
public final class ProbeLimiter {

  private final ProbeConfig config;
  private final Clock clock;
  private final TokenBucket global;
  private final Map<String, TokenBucket> peers = new LinkedHashMap<>(16, 0.75f, true);
  private final Map<IpPrefix, TokenBucket> targets = new LinkedHashMap<>(16, 0.75f, true);

  /** A limiter with {@code config}'s budgets on {@code clock}. */
  public ProbeLimiter(ProbeConfig config, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.global = new TokenBucket(config.globalBurst(), config.globalRate(), clock);
  }

  /**
   * Admits (and charges) {@code count} probes of {@code target} asked for by {@code peer}, or
   * says which budget refused them: {@link ProbeStatus#REFUSED_PEER_RATE}, {@link
   * ProbeStatus#REFUSED_GLOBAL_RATE} or {@link ProbeStatus#REFUSED_TARGET_RATE}.
   */
  public synchronized Optional<ProbeStatus> admit(String peer, InetAddress target, int count) {
    TokenBucket p = bucket(peers, peer, config.maxTrackedPeers(), config.perPeerBurst(),
        config.perPeerRate());
    if (p == null || !p.has(count)) {
      return Optional.of(ProbeStatus.REFUSED_PEER_RATE);
    }
    if (!global.has(count)) {
      return Optional.of(ProbeStatus.REFUSED_GLOBAL_RATE);
    }
    TokenBucket t = bucket(targets, targetKey(target), config.maxTrackedTargets(),
        config.perTargetBurst(), config.perTargetRate());
    if (t == null || !t.has(count)) {
      return Optional.of(ProbeStatus.REFUSED_TARGET_RATE);
    }
    p.take(count);
    global.take(count);
    t.take(count);
    return Optional.empty();
  }

  /**
   * What one per-target budget covers: an IPv4 address, or an IPv6 /64 (one host may hold a whole
   * /64, so a budget per IPv6 address could be multiplied without end).
   */
  static IpPrefix targetKey(InetAddress target) {
    return IpPrefix.of(target, target instanceof Inet6Address ? 64 : 32);
  }

  /** Peers with a bucket kept (bounded by {@link ProbeConfig#maxTrackedPeers()}). */
  public synchronized int trackedPeers() {
    return peers.size();
  }

  /** Targets with a bucket kept (bounded by {@link ProbeConfig#maxTrackedTargets()}). */
  public synchronized int trackedTargets() {
    return targets.size();
  }

  /** The bucket of {@code key}, created when there is room; null when the table is full. */
  private <K> TokenBucket bucket(Map<K, TokenBucket> table, K key, int max, int burst, double rate) {
    TokenBucket b = table.get(key);
    if (b != null) {
      return b;
    }
    if (table.size() >= max) {
      for (Iterator<TokenBucket> it = table.values().iterator(); it.hasNext(); ) {
        if (it.next().full()) {
          it.remove();
        }
      }
      if (table.size() >= max) {
        return null;
      }
    }
    b = new TokenBucket(burst, rate, clock);
    table.put(key, b);
    return b;
  }
}
