package dev.icon.node.daemon;

import dev.icon.gossip.api.PubSub;
import dev.icon.node.config.NodeConfig;
import dev.icon.overlay.api.Connection;
import dev.icon.overlay.api.Host;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Builds the {@code /status} document: {@code peerId}, {@code addrs}, {@code roles}, {@code
 * peers} {connected, ids}, {@code dht} {mode, routingTable}, {@code gossip} {enabled, topics:
 * {topic: meshSize}}, {@code services} {name: {state, ...}}. Public data only: never a key.
 */
final class NodeStatus {

  private static final long MESH_TIMEOUT_MS = 2000;

  private NodeStatus() {}

  static Map<String, Object> of(NodeConfig config, Host host, PubSub pubsub,
      List<ServiceSlot> services) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("peerId", host == null ? null : host.peerId().toBase58());
    m.put("addrs", host == null ? List.of()
        : host.dialAddrs().stream().map(Object::toString).toList());
    m.put("roles", config.roles().stream().map(r -> r.yamlName()).sorted().toList());
    TreeSet<String> peers = new TreeSet<>();
    if (host != null) {
      for (Connection c : host.connections()) {
        peers.add(c.remotePeer().toBase58());
      }
    }
    m.put("peers", Map.of("connected", peers.size(), "ids", List.copyOf(peers)));
    Map<String, Object> dht = new LinkedHashMap<>();
    dht.put("mode", config.dhtMode().name().toLowerCase());
    dht.put("routingTable", host == null ? 0
        : host.dht().map(d -> d.routingTable().size()).orElse(0));
    m.put("dht", dht);
    Map<String, Object> gossip = new LinkedHashMap<>();
    gossip.put("enabled", pubsub != null);
    Map<String, Integer> topics = new TreeMap<>();
    if (pubsub != null) {
      for (String t : pubsub.topics()) {
        topics.put(t, meshSize(pubsub, t));
      }
    }
    gossip.put("topics", topics);
    m.put("gossip", gossip);
    Map<String, Object> s = new LinkedHashMap<>();
    for (ServiceSlot slot : services) {
      s.put(slot.name(), slot.status());
    }
    m.put("services", s);
    return m;
  }

  private static int meshSize(PubSub pubsub, String topic) {
    try {
      return pubsub.meshPeers(topic).get(MESH_TIMEOUT_MS, TimeUnit.MILLISECONDS).size();
    } catch (Exception e) {
      return -1;
    }
  }
}
