package dev.icon.tomography.traceroute;

import java.net.InetAddress;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The probes sent with one TTL, in the order traceroute printed them.
 *
 * @param ttl the probes' time-to-live (1 is the first router)
 * @param probes one entry per probe, answered or not
 */
public record TracerouteHop(int ttl, List<TracerouteProbe> probes) {

  public TracerouteHop {
    if (ttl < 1 || ttl > 255) {
      throw new IllegalArgumentException("ttl must be 1..255, was " + ttl);
    }
    probes = List.copyOf(probes);
  }

  /** The distinct addresses that answered, in order of first appearance (several under ECMP). */
  public Set<InetAddress> addresses() {
    Set<InetAddress> out = new LinkedHashSet<>();
    for (TracerouteProbe p : probes) {
      if (p.isAnswered()) {
        out.add(p.address());
      }
    }
    return out;
  }

  /** Whether no probe of this hop was answered (a line of stars). */
  public boolean isSilent() {
    return probes.stream().noneMatch(TracerouteProbe::isAnswered);
  }

  /** The smallest round-trip time of the probes {@code address} answered, if any. */
  public OptionalDouble minRttMillis(InetAddress address) {
    return probes.stream()
        .filter(p -> address.equals(p.address()))
        .mapToDouble(TracerouteProbe::rttMillis)
        .min();
  }
}
