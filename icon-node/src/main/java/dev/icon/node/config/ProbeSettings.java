package dev.icon.node.config;

import dev.icon.tomography.probe.ProbeConfig;

/**
 * The {@code probe:} section: whether this node answers {@code /icon/probe/1.0.0} (measuring RTTs
 * from here for others), with which probers and within which limits. Limits not named here keep
 * {@link ProbeConfig#defaults()}. Immutable.
 *
 * @param enabled serve the probe protocol
 * @param tcpPort the port TCP_CONNECT probes aim at (the one port this node's prober admits)
 * @param icmp also answer ICMP_ECHO requests with the system {@code ping}
 * @param maxTargetsPerRequest a request naming more targets is refused as a whole
 * @param maxCount the most probes per target
 * @param perPeerRate probes per second one asking peer may cause
 * @param globalRate probes per second this node sends for everyone together
 * @param perTargetRate probes per second sent to one target for all askers together
 * @param maxConcurrentProbes targets probed at once
 * @param allowLoopback whether loopback targets may be probed (tests only)
 */
public record ProbeSettings(boolean enabled, int tcpPort, boolean icmp, int maxTargetsPerRequest,
    int maxCount, double perPeerRate, double globalRate, double perTargetRate,
    int maxConcurrentProbes, boolean allowLoopback) {

  /** Serving on, TCP probes of port 443 (what clients of a web service reach), no ICMP, limits
   * of {@link ProbeConfig#defaults()}. */
  public static ProbeSettings defaults() {
    ProbeConfig d = ProbeConfig.defaults();
    return new ProbeSettings(true, 443, false, d.maxTargetsPerRequest(), d.maxCount(),
        d.perPeerRate(), d.globalRate(), d.perTargetRate(), d.maxConcurrentProbes(),
        d.allowLoopback());
  }

  /** The tomography config these settings make (its own checks apply too). */
  public ProbeConfig toProbeConfig() {
    ProbeConfig d = ProbeConfig.defaults();
    return ProbeConfig.builder().maxTargetsPerRequest(maxTargetsPerRequest).maxCount(maxCount)
        .defaultCount(Math.min(d.defaultCount(), maxCount))
        .perPeerRate(perPeerRate).globalRate(globalRate).perTargetRate(perTargetRate)
        .maxConcurrentProbes(maxConcurrentProbes).allowLoopback(allowLoopback).build();
  }
}
