package dev.icon.tomography.map;

import dev.icon.tomography.discovery.DiscoveredHop;
import dev.icon.tomography.discovery.TargetReport;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a discovery report into map observations: edges between consecutive answered TTLs (from
 * the observer's own address to the first), every address of one TTL linked to every address of
 * the next (load-balanced hops), silent TTLs bridged. An edge's RTT is the difference of the
 * smallest RTTs of its ends (never below zero). Stateless.
 */
public final class TraceEdges {

  private TraceEdges() {}

  /** Adds what {@code report} shows to {@code map}, observed by {@code observer} from {@code self}. */
  public static void record(TopologyMap map, TargetReport report, String self, String observer,
      Instant at) {
    Map<Integer, List<DiscoveredHop>> byTtl = new TreeMap<>();
    for (DiscoveredHop h : report.hops()) {
      if (h.address().isPresent() && h.rtt().isPresent()) {
        byTtl.computeIfAbsent(h.ttl(), t -> new ArrayList<>()).add(h);
      }
    }
    List<DiscoveredHop> previous = List.of();
    String target = report.hops().isEmpty() ? null : lastAddress(report);
    for (List<DiscoveredHop> hops : byTtl.values()) {
      for (DiscoveredHop h : hops) {
        String id = h.ip().getHostAddress();
        NodeKind kind = id.equals(target) ? NodeKind.HOST : NodeKind.ROUTER;
        if (previous.isEmpty()) {
          if (!id.equals(self)) {
            map.observe(self, NodeKind.HOST, id, kind, h.rttMillis(), observer, at);
          }
        }
        for (DiscoveredHop p : previous) {
          String pid = p.ip().getHostAddress();
          if (!pid.equals(id)) {
            map.observe(pid, NodeKind.ROUTER, id, kind,
                Math.max(0, h.rttMillis() - p.rttMillis()), observer, at);
          }
        }
      }
      previous = hops;
    }
  }

  private static String lastAddress(TargetReport report) {
    DiscoveredHop last = report.hops().get(report.hops().size() - 1);
    return last.address().map(InetAddress::getHostAddress).orElse(null);
  }
}
