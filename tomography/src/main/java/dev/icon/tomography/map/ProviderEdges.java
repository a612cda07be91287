package dev.icon.tomography.map;

import dev.icon.tomography.discovery.TargetReport;
import java.time.Instant;

/**
 * Puts edge providers into a map: a provider node (its address, kind {@link NodeKind#PROVIDER})
 * attached to the router it sits behind, either from the provider's own trace (its first answering
 * hop) or from configuration. Stateless.
 */
public final class ProviderEdges {

  private ProviderEdges() {}

  /**
   * Attaches {@code provider} to {@code router} with {@code rttMillis} across the link, as {@code
   * observer} saw (or configured) it at {@code at}.
   */
  public static void attach(TopologyMap map, String provider, String router, double rttMillis,
      String observer, Instant at) {
    map.observe(provider, NodeKind.PROVIDER, router, NodeKind.ROUTER, rttMillis, observer, at);
  }

  /**
   * Records a trace the provider at {@code provider} ran itself ({@link TraceEdges}, with the
   * provider as the trace's source) and marks that source a provider, so it hangs off its first
   * answering router.
   */
  public static void fromOwnTrace(TopologyMap map, TargetReport report, String provider,
      String observer, Instant at) {
    TraceEdges.record(map, report, provider, observer, at);
    map.mergeNode(provider, NodeKind.PROVIDER);
  }
}
