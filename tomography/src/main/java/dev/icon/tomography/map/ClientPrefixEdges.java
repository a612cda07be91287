package dev.icon.tomography.map;

import dev.icon.tomography.discovery.DiscoveredHop;
import dev.icon.tomography.discovery.TargetReport;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Groups traced clients into client-prefix nodes ({@link NodeKind#CLIENT_PREFIX}, one per {@link
 * ClientPrefixes} prefix): a trace that reached its client adds an edge from the client's upstream
 * hop (the nearest answering hop before it, or the trace's source) to the client's prefix, with
 * the same RTT as the hop to the client itself. Estimates to a prefix then follow the paths to its
 * clients; prefix nodes are never crossed on the way to somewhere else ({@link RttEstimator}).
 * Stateless.
 */
public final class ClientPrefixEdges {

  private ClientPrefixEdges() {}

  /**
   * Adds the prefix edge {@code report} shows, observed by {@code observer} from {@code self};
   * returns the prefix node id, empty when the trace did not reach its target.
   */
  public static Optional<String> fromTrace(TopologyMap map, TargetReport report, String self,
      ClientPrefixes prefixes, String observer, Instant at) {
    List<DiscoveredHop> hops = report.hops();
    if (hops.isEmpty()) {
      return Optional.empty();
    }
    DiscoveredHop last = hops.get(hops.size() - 1);
    if (last.address().isEmpty() || last.rtt().isEmpty()
        || !last.ip().getHostAddress().equals(targetAddress(report))) {
      return Optional.empty();
    }
    String upstream = self;
    double upstreamRtt = 0;
    for (int i = hops.size() - 2; i >= 0; i--) {
      DiscoveredHop h = hops.get(i);
      if (h.ttl() < last.ttl() && h.address().isPresent() && h.rtt().isPresent()) {
        upstream = h.ip().getHostAddress();
        upstreamRtt = h.rttMillis();
        break;
      }
    }
    String prefix = prefixes.nodeId(last.ip());
    map.observe(upstream, upstream.equals(self) ? NodeKind.HOST : NodeKind.ROUTER, prefix,
        NodeKind.CLIENT_PREFIX, Math.max(0, last.rttMillis() - upstreamRtt), observer, at);
    return Optional.of(prefix);
  }

  private static String targetAddress(TargetReport report) {
    try {
      InetAddress t = org.xbill.DNS.Address.getByAddress(report.target());
      return t.getHostAddress();
    } catch (java.net.UnknownHostException e) {
      return report.target();
    }
  }
}
