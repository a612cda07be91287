package dev.icon.tomography.map;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A graph of addresses (routers, hosts, providers, client prefixes) and undirected edges with RTT
 * statistics, last-seen time and observer, built from one's own traces and merged with maps of
 * others.
 *
 * <p>Merging keeps, per edge, the newer of the two versions ({@link MapEdge#NEWER}: last seen,
 * then observer), and per node the more specific kind, so merges are commutative, associative and
 * idempotent as long as the map stays under {@link MapConfig#maxEdges()}; beyond it the oldest
 * edges are dropped (deterministically). {@link #expire} drops edges older than {@link
 * MapConfig#maxAge()} and nodes left without edges.
 *
 * <p>Merges refuse edges dated too far in the future or older than the maximum age, so a forged
 * or stale edge cannot win or linger. Thread-safe (one lock); snapshots are copies.
 */
public final class TopologyMap {

  private final MapConfig config;
  private final Clock clock;
  private final Map<EdgeKey, MapEdge> edges = new HashMap<>();
  private final Map<String, NodeKind> nodes = new HashMap<>();
  private final TreeSet<MapEdge> byAge = new TreeSet<>(MapEdge.EVICTION);
  private final List<MapListener> listeners = new CopyOnWriteArrayList<>();

  /** An empty map with {@code config}'s bounds, judging staleness on {@code clock}. */
  public TopologyMap(MapConfig config, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The bounds this map keeps. */
  public MapConfig config() {
    return config;
  }

  /** The clock this map judges staleness on. */
  public Clock clock() {
    return clock;
  }

  /** Adds a listener told of every edge version stored from now on (see {@link MapListener}). */
  public void addListener(MapListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Removes a listener added before; no-op otherwise. */
  public void removeListener(MapListener listener) {
    listeners.remove(listener);
  }

  /**
   * Records that {@code observer} measured {@code rttMillis} across the edge {@code from}–{@code to}
   * at {@code at}: a new sample on its own version of the edge, or a fresh version replacing
   * another observer's.
   */
  public synchronized void observe(String from, NodeKind fromKind, String to, NodeKind toKind,
      double rttMillis, String observer, Instant at) {
    EdgeKey key = EdgeKey.of(from, to);
    MapEdge old = edges.get(key);
    RttStats stats = old != null && old.observer().equals(observer)
        ? old.rtt().add(rttMillis) : RttStats.of(rttMillis);
    Instant seen = old != null && old.lastSeen().isAfter(at) ? old.lastSeen() : at;
    node(from, fromKind);
    node(to, toKind);
    put(new MapEdge(key, stats, seen, observer));
  }

  /**
   * Merges one edge from another map; returns whether this map changed. Edges last seen more than
   * {@link MapConfig#maxFutureSkew()} ahead of this map's clock, or older than {@link
   * MapConfig#maxAge()}, are refused (false).
   */
  public synchronized boolean merge(MapEdge edge) {
    Instant now = clock.instant();
    if (edge.lastSeen().isAfter(now.plus(config.maxFutureSkew()))
        || edge.lastSeen().isBefore(now.minus(config.maxAge()))) {
      return false;
    }
    node(edge.key().a(), NodeKind.ROUTER);
    node(edge.key().b(), NodeKind.ROUTER);
    return put(edge);
  }

  /** Merges a node's kind from another map (the more specific kind wins). */
  public synchronized void mergeNode(String id, NodeKind kind) {
    node(id, kind);
  }

  /** Merges everything {@code other} holds. */
  public void mergeAll(MapSnapshot other) {
    synchronized (this) {
      other.nodes().forEach(this::node);
      other.edges().forEach(this::merge);
    }
  }

  /** Drops edges last seen before {@code now - maxAge} and nodes without edges; returns how many edges. */
  public synchronized int expire(Instant now) {
    Instant cutoff = now.minus(config.maxAge());
    int dropped = 0;
    while (!byAge.isEmpty() && byAge.first().lastSeen().isBefore(cutoff)) {
      MapEdge e = byAge.pollFirst();
      edges.remove(e.key());
      dropped++;
    }
    if (dropped > 0) {
      Set<String> used = new HashSet<>();
      edges.keySet().forEach(k -> {
        used.add(k.a());
        used.add(k.b());
      });
      nodes.keySet().retainAll(used);
    }
    return dropped;
  }

  /** A copy of the map, edges in key order. */
  public synchronized MapSnapshot snapshot() {
    List<MapEdge> list = new ArrayList<>(edges.values());
    list.sort((x, y) -> x.key().compareTo(y.key()));
    return new MapSnapshot(Map.copyOf(nodes), list);
  }

  /** The edge between two nodes, if known. */
  public synchronized java.util.Optional<MapEdge> edge(String x, String y) {
    return java.util.Optional.ofNullable(edges.get(EdgeKey.of(x, y)));
  }

  /** The kind of node {@code id}, if the map holds it. */
  public synchronized java.util.Optional<NodeKind> kind(String id) {
    return java.util.Optional.ofNullable(nodes.get(id));
  }

  /** How many edges. */
  public synchronized int edgeCount() {
    return edges.size();
  }

  private void node(String id, NodeKind kind) {
    nodes.merge(id, kind, NodeKind::moreSpecific);
  }

  private boolean put(MapEdge edge) {
    MapEdge old = edges.get(edge.key());
    if (old != null) {
      if (MapEdge.NEWER.compare(edge, old) <= 0) {
        return false;
      }
      byAge.remove(old);
    }
    edges.put(edge.key(), edge);
    byAge.add(edge);
    while (edges.size() > config.maxEdges()) {
      MapEdge oldest = byAge.pollFirst();
      edges.remove(oldest.key());
    }
    boolean stored = edges.get(edge.key()) == edge;
    if (stored) {
      for (MapListener l : listeners) {
        l.edgeStored(edge);
      }
    }
    return stored;
  }
}
