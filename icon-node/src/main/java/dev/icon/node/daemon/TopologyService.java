package dev.icon.node.daemon;

import dev.icon.tomography.map.MapConfig;
import dev.icon.tomography.map.MapSnapshot;
import dev.icon.tomography.map.TopologyMap;
import dev.icon.tomography.share.TopologySharing;
import dev.icon.tomography.share.TopologySharingConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The node's topology map, shared on {@code /icon/topology/1} ({@link TopologySharing}). Other
 * services (the decision engine, later) read {@link #map()}.
 */
public final class TopologyService implements NodeService {

  private volatile TopologyMap map;
  private volatile TopologySharing sharing;

  @Override
  public String name() {
    return "topology";
  }

  @Override
  public void start(NodeContext ctx) {
    map = new TopologyMap(MapConfig.defaults(), ctx.clock());
    sharing = new TopologySharing(ctx.pubsub().orElseThrow(() ->
        new IllegalStateException("topology sharing needs gossip")), map,
        TopologySharingConfig.defaults()).start();
  }

  @Override
  public void stop() {
    if (sharing != null) {
      sharing.close();
    }
  }

  /** The map (null before start). */
  public TopologyMap map() {
    return map;
  }

  @Override
  public Map<String, Object> status() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("topic", TopologySharingConfig.TOPIC);
    TopologyMap t = map;
    MapSnapshot s = t == null ? null : t.snapshot();
    m.put("nodes", s == null ? 0 : s.nodes().size());
    m.put("edges", s == null ? 0 : s.edges().size());
    return m;
  }
}
