package dev.icon.tomography.probe;

import dev.icon.tomography.map.ClientPrefixes;
import dev.icon.tomography.map.MapEdge;
import dev.icon.tomography.map.ProbeEdges;
import dev.icon.tomography.map.RttStats;
import dev.icon.tomography.map.TopologyMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Puts a measuring peer's answers into a topology map: every outcome with replies becomes direct
 * edges provider–client and provider–client prefix ({@link ProbeEdges}), observed by the measuring
 * peer. Refusals, failures and targets without replies add nothing. Stateless.
 */
public final class ProbeRecorder {

  private ProbeRecorder() {}

  /**
   * Records {@code outcomes} measured by the peer {@code observer} sitting at the map node {@code
   * provider} (its address), at {@code at}; returns the edges the map took.
   */
  public static List<MapEdge> record(TopologyMap map, String provider, String observer,
      List<ProbeOutcome> outcomes, ClientPrefixes prefixes, Instant at) {
    List<MapEdge> taken = new ArrayList<>();
    for (ProbeOutcome o : outcomes) {
      Optional<RttStats> stats = ProbeMessages.stats(o);
      if (o.ok() && stats.isPresent()) {
        taken.addAll(ProbeEdges.record(map, provider, o.target(), stats.get(), prefixes, observer,
            at));
      }
    }
    return List.copyOf(taken);
  }
}
