package dev.icon.interop;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The failure message of {@link GossipMixedMeshIT}: for every node (by index; a node is Java where
 * {@code java[i]} is set, else js), whom it is connected to and, for Java nodes, who is subscribed,
 * its mesh and its meters, and how many messages it delivered from which neighbour. Stateless.
 */
final class MixedMeshState {

  private MixedMeshState() {}

  /** Each node's view, for a failure message: mesh, deliveries and who delivered them, meters. */
  static String describe(String topic, JavaGossipPeer[] java, PeerProcess[] js) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < java.length; i++) {
      index.put(java[i] != null ? java[i].id().toBase58() : js[i].peerId(), i);
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < java.length; i++) {
      out.append("node ").append(i).append(java[i] != null ? " (Java)" : " (js)");
      if (java[i] != null) {
        JavaGossipPeer n = java[i];
        out.append(" connected ").append(n.host.connections().stream()
                .map(c -> index.get(c.remotePeer().toBase58())).sorted().toList())
            .append(" subscribed ").append(n.topicPeers(topic).stream().map(p -> index.getOrDefault(p.toBase58(), -1)).sorted().toList())
            .append(" mesh ").append(n.meshPeers(topic).stream().map(p -> index.getOrDefault(p.toBase58(), -1)).sorted().toList())
            .append(" delivered ").append(n.received(topic).size()).append(" from ")
            .append(histogram(n.received(topic).stream().map(m -> index.get(m.receivedFrom().toBase58())).toList()))
            .append(" rpc sent ").append(n.metrics.find("icon.gossip.rpc.sent").counter().count())
            .append(" dropped ").append(n.metrics.find("icon.gossip.frames.dropped").counter().count());
      } else {
        List<JsonNode> got = js[i].events("message");
        out.append(" connected ").append(js[i].events("peer:connect").stream()
                .map(e -> index.get(e.path("peerId").asText())).sorted().toList())
            .append(" disconnected ").append(js[i].events("peer:disconnect").stream()
                .map(e -> index.get(e.path("peerId").asText())).sorted().toList())
            .append(" delivered ").append(got.size()).append(" from ")
            .append(histogram(got.stream().map(e -> index.get(e.path("receivedFrom").asText())).toList()));
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static Map<Integer, Long> histogram(List<Integer> nodes) {
    Map<Integer, Long> h = new TreeMap<>();
    nodes.forEach(n -> h.merge(n, 1L, Long::sum));
    return h;
  }
}
