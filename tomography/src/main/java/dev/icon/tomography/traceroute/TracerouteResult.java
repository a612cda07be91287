package dev.icon.tomography.traceroute;

import java.net.InetAddress;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A parsed traceroute run.
 *
 * @param target the target as traceroute's header named it (the name or literal given)
 * @param targetAddress the address traceroute resolved the target to
 * @param maxHops the maximum TTL of the run
 * @param hops the hops in TTL order (the first is the configured first TTL)
 */
public record TracerouteResult(
    String target, InetAddress targetAddress, int maxHops, List<TracerouteHop> hops) {

  public TracerouteResult {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(targetAddress, "targetAddress");
    hops = List.copyOf(hops);
  }

  /** Whether a probe of the last hop was answered by the target itself. */
  public boolean reachedTarget() {
    return !hops.isEmpty() && hops.get(hops.size() - 1).addresses().contains(targetAddress);
  }

  /** Every address that answered on the way, in TTL order, without duplicates or the target. */
  public Set<InetAddress> pathAddresses() {
    Set<InetAddress> out = new LinkedHashSet<>();
    for (TracerouteHop h : hops) {
      out.addAll(h.addresses());
    }
    out.remove(targetAddress);
    return out;
  }
}
