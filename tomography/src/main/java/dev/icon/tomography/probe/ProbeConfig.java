package dev.icon.tomography.probe;

import dev.icon.tomography.map.IpPrefix;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Limits and timeouts of {@code /icon/probe/1.0.0}, for both sides. Immutable; build with {@link
 * #builder()} or start from {@link #defaults()} or {@link #forTests()}.
 *
 * <p>Budgets count probes (packets): a target probed {@code count} times costs {@code count}
 * tokens of each bucket. A request is served only while the asker's bucket, the global bucket and
 * the target's bucket (shared by every asker) all hold enough, so neither one peer nor many peers
 * together can aim more than {@code perTargetRate} probes per second (after a burst of {@code
 * perTargetBurst}) at one address.
 *
 * @param maxTargetsPerRequest a request naming more targets is refused as a whole
 * @param defaultCount probes per target when a request says 0
 * @param maxCount the most probes per target; more is refused (REFUSED_UNSUPPORTED)
 * @param perPeerRate probes per second one asking peer may cause, sustained
 * @param perPeerBurst probes one asking peer may cause at once
 * @param globalRate probes per second this peer sends for everyone together, sustained
 * @param globalBurst probes this peer sends for everyone together at once
 * @param perTargetRate probes per second sent to one target (an IPv4 address or an IPv6 /64) for
 *     all askers together, sustained
 * @param perTargetBurst probes sent to one address for all askers together at once
 * @param maxConcurrentProbes targets probed at once; beyond, targets are refused (REFUSED_BUSY)
 * @param maxConcurrentRequests request streams served at once (being read or probed); beyond, a
 *     new stream is reset at once
 * @param maxTrackedPeers askers whose buckets are kept; full (idle) buckets are forgotten first,
 *     and a new asker beyond the bound is refused
 * @param maxTrackedTargets targets whose buckets are kept, the same way
 * @param allowLoopback whether loopback targets (127.0.0.0/8, ::1) may be probed (tests)
 * @param allowLinkLocal whether link-local targets (169.254.0.0/16, fe80::/10) may be probed
 * @param allowedPrefixes when not empty, only targets in one of these prefixes (or known to the
 *     service's allow predicate) are probed
 * @param maxRequestBytes a larger request frame resets the stream
 * @param maxResponseBytes a larger response frame fails the client's call
 * @param readTimeout how long the serving side waits for a whole request before resetting the
 *     stream
 * @param probeTimeout how long the serving side waits for its probes before answering FAILED
 * @param requestTimeout how long the asking side waits for the whole answer
 */
public record ProbeConfig(
    int maxTargetsPerRequest,
    int defaultCount,
    int maxCount,
    double perPeerRate,
    int perPeerBurst,
    double globalRate,
    int globalBurst,
    double perTargetRate,
    int perTargetBurst,
    int maxConcurrentProbes,
    int maxConcurrentRequests,
    int maxTrackedPeers,
    int maxTrackedTargets,
    boolean allowLoopback,
    boolean allowLinkLocal,
    List<IpPrefix> allowedPrefixes,
    int maxRequestBytes,
    int maxResponseBytes,
    Duration readTimeout,
    Duration probeTimeout,
    Duration requestTimeout) {

  public ProbeConfig {
    allowedPrefixes = List.copyOf(allowedPrefixes);
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(probeTimeout, "probeTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    check(maxTargetsPerRequest >= 1 && maxTargetsPerRequest <= 256, "maxTargetsPerRequest",
        "must be 1..256, was " + maxTargetsPerRequest);
    check(maxCount >= 1 && maxCount <= 100, "maxCount", "must be 1..100, was " + maxCount);
    check(defaultCount >= 1 && defaultCount <= maxCount, "defaultCount",
        "must be 1..maxCount (" + maxCount + "), was " + defaultCount);
    check(perPeerRate > 0 && perPeerRate <= 1e6, "perPeerRate", "must be in (0, 1e6], was " + perPeerRate);
    check(globalRate > 0 && globalRate <= 1e6, "globalRate", "must be in (0, 1e6], was " + globalRate);
    check(perTargetRate > 0 && perTargetRate <= 1e6, "perTargetRate",
        "must be in (0, 1e6], was " + perTargetRate);
    check(perPeerBurst >= maxCount, "perPeerBurst",
        "must be at least maxCount (" + maxCount + "), was " + perPeerBurst);
    check(globalBurst >= perPeerBurst, "globalBurst",
        "must be at least perPeerBurst (" + perPeerBurst + "), was " + globalBurst);
    check(perTargetBurst >= maxCount, "perTargetBurst",
        "must be at least maxCount (" + maxCount + "), was " + perTargetBurst);
    check(maxConcurrentProbes >= 1 && maxConcurrentProbes <= 1024, "maxConcurrentProbes",
        "must be 1..1024, was " + maxConcurrentProbes);
    check(maxConcurrentRequests >= 1 && maxConcurrentRequests <= 65536, "maxConcurrentRequests",
        "must be 1..65536, was " + maxConcurrentRequests);
    check(maxTrackedPeers >= 1, "maxTrackedPeers", "must be at least 1, was " + maxTrackedPeers);
    check(maxTrackedTargets >= 1, "maxTrackedTargets", "must be at least 1, was " + maxTrackedTargets);
    check(maxRequestBytes >= 64 && maxRequestBytes <= 1 << 20, "maxRequestBytes",
        "must be 64..1 MiB, was " + maxRequestBytes);
    check(maxResponseBytes >= 64 && maxResponseBytes <= 16 << 20, "maxResponseBytes",
        "must be 64..16 MiB, was " + maxResponseBytes);
    check(!readTimeout.isNegative() && !readTimeout.isZero(), "readTimeout", "must be positive");
    check(!probeTimeout.isNegative() && !probeTimeout.isZero(), "probeTimeout", "must be positive");
    check(!requestTimeout.isNegative() && !requestTimeout.isZero(), "requestTimeout",
        "must be positive");
  }

  /** Settings for real networks. */
  public static ProbeConfig defaults() {
    return builder().build();
  }

  /** The defaults, but loopback targets allowed and short timeouts, for tests on one machine. */
  public static ProbeConfig forTests() {
    return builder().allowLoopback(true).probeTimeout(Duration.ofSeconds(10))
        .requestTimeout(Duration.ofSeconds(15)).build();
  }

  /** A builder holding the defaults. */
  public static ProbeConfigBuilder builder() {
    return new ProbeConfigBuilder();
  }

  private static void check(boolean ok, String field, String message) {
    if (!ok) {
      throw new IllegalArgumentException("ProbeConfig." + field + " " + message);
    }
  }
}
