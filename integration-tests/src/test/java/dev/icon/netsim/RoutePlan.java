package dev.icon.netsim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The static routes of every node of a {@link Topology}: shortest paths by hop count, transiting
 * routers only (hosts never forward), ties broken by link order in the file. Routers route every
 * link subnet and every router id; hosts have their subnet and a default route through their one
 * neighbour. Every route carries the node's own source address (a router's id), so a router
 * answers traceroute and ICMP errors from its id whichever way it is probed. Pure computation.
 */
public final class RoutePlan {

  /**
   * One route.
   *
   * @param prefix the destination ({@code default} or CIDR)
   * @param via the next hop's address, or null for a subnet on the link itself
   * @param link the link it leaves by
   * @param source the preferred source address
   */
  public record Route(String prefix, String via, Topology.Link link, String source) {}

  private final Topology topology;

  /** The routes of {@code topology}. */
  public RoutePlan(Topology topology) {
    this.topology = topology;
  }

  /** The interface name at {@code node} of {@code link}: the name of the node at its other end. */
  public static String interfaceName(String node, Topology.Link link) {
    return link.peerOf(node);
  }

  /** Every route {@code node} holds. */
  public List<Route> routes(String node) {
    Topology.Node n = topology.node(node);
    String source = topology.address(node);
    List<Route> routes = new ArrayList<>();
    for (Topology.Link l : topology.linksOf(node)) {
      routes.add(new Route(l.subnet().toString(), null, l, source));
    }
    if (n.role() != Topology.Role.ROUTER) {
      Topology.Link only = topology.linksOf(node).get(0);
      routes.add(new Route("default", only.addressOf(only.peerOf(node)), only, source));
      return routes;
    }
    for (Topology.Link l : topology.links()) {
      if (!l.touches(node)) {
        firstLink(node, List.of(l.a(), l.b())).ifPresent(first -> routes.add(new Route(
            l.subnet().toString(), first.addressOf(first.peerOf(node)), first, source)));
      }
    }
    for (String r : topology.nodesWith(Topology.Role.ROUTER)) {
      if (!r.equals(node)) {
        firstLink(node, List.of(r)).ifPresent(first -> routes.add(new Route(
            topology.node(r).routerId() + "/32", first.addressOf(first.peerOf(node)), first,
            source)));
      }
    }
    return routes;
  }

  /** The links a packet from {@code from} to {@code to} crosses, in order; empty if unreachable. */
  public List<Topology.Link> path(String from, String to) {
    Map<String, Topology.Link> cameBy = search(from);
    if (!from.equals(to) && !cameBy.containsKey(to)) {
      return List.of();
    }
    Deque<Topology.Link> path = new ArrayDeque<>();
    for (String at = to; !at.equals(from); ) {
      Topology.Link l = cameBy.get(at);
      path.addFirst(l);
      at = l.peerOf(at);
    }
    return List.copyOf(path);
  }

  /** Twice the sum of the one-way delays along the path: the RTT the links alone add. */
  public double configuredRttMillis(String from, String to) {
    List<Topology.Link> path = path(from, to);
    if (path.isEmpty() && !from.equals(to)) {
      throw new IllegalArgumentException("no path from " + from + " to " + to);
    }
    return 2 * path.stream().mapToDouble(Topology.Link::delayMillis).sum();
  }

  /** The first link on the shortest path from {@code from} to the nearest of {@code targets}. */
  private Optional<Topology.Link> firstLink(String from, List<String> targets) {
    Map<String, Topology.Link> cameBy = search(from);
    String best = null;
    int bestLength = Integer.MAX_VALUE;
    for (String t : targets) {
      int length = 0;
      if (!cameBy.containsKey(t)) {
        continue;
      }
      for (String at = t; !at.equals(from); at = cameBy.get(at).peerOf(at)) {
        length++;
      }
      if (length < bestLength) {
        best = t;
        bestLength = length;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    String at = best;
    while (!cameBy.get(at).peerOf(at).equals(from)) {
      at = cameBy.get(at).peerOf(at);
    }
    return Optional.of(cameBy.get(at));
  }

  /** Breadth-first from {@code from}: for each node reached, the link it was reached by. */
  private Map<String, Topology.Link> search(String from) {
    Map<String, Topology.Link> cameBy = new HashMap<>();
    Deque<String> queue = new ArrayDeque<>(List.of(from));
    while (!queue.isEmpty()) {
      String at = queue.poll();
      if (!at.equals(from) && topology.node(at).role() != Topology.Role.ROUTER) {
        continue; // hosts are ends, never transit
      }
      for (Topology.Link l : topology.linksOf(at)) {
        String next = l.peerOf(at);
        if (!next.equals(from) && !cameBy.containsKey(next)) {
          cameBy.put(next, l);
          queue.add(next);
        }
      }
    }
    return cameBy;
  }
}
