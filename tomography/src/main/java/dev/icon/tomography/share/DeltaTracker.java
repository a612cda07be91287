package dev.icon.tomography.share;

import dev.icon.overlay.identity.PeerId;
import dev.icon.tomography.map.EdgeKey;
import dev.icon.tomography.map.MapEdge;
import dev.icon.tomography.map.MapListener;
import dev.icon.tomography.map.NodeKind;
import dev.icon.tomography.map.TopologyMap;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What of our own map to publish: the edges we observed ourselves that changed since the last
 * publish (so deltas are real deltas), and, for peers that joined late, a full-state resend that
 * walks all our edges a few chunks at a time.
 *
 * <p>Only edges whose observer is us are ever published: others' edges travel in their own signed
 * deltas (a receiver rejects anything else as forged). An edge whose current version in the map
 * is no longer ours (a newer observation by another peer won) is not published, nor one older than
 * the map's maximum age; nor is one whose node ids are not shareable ({@link NodeIds}) or that is
 * dated beyond the map's future skew, counted in {@link #unshareable()}.
 *
 * <p>Threading: {@link #edgeStored} is called by the map on any thread; the other methods are
 * meant for one publishing thread but are safe from any. The change callback runs on the thread
 * that changed the map, under the map's lock: it must only schedule work.
 */
public final class DeltaTracker implements MapListener {

  private final TopologyMap map;
  private final PeerId self;
  private final String selfText;
  private final DeltaLimits limits;
  private final Clock clock;
  private final Runnable onChange;
  private final Set<EdgeKey> dirty = new LinkedHashSet<>();
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicLong unshareable = new AtomicLong();
  private EdgeKey resendCursor;

  /**
   * Tracks {@code map} for {@code self}'s edges, chunking within {@code limits}; {@code onChange}
   * is run whenever one of our edges changes. Call {@link #attach()} to start listening.
   */
  public DeltaTracker(TopologyMap map, PeerId self, DeltaLimits limits, Clock clock,
      Runnable onChange) {
    this.map = Objects.requireNonNull(map, "map");
    this.self = Objects.requireNonNull(self, "self");
    this.selfText = self.toBase58();
    this.limits = Objects.requireNonNull(limits, "limits");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.onChange = Objects.requireNonNull(onChange, "onChange");
  }

  /** Starts listening to the map and marks every edge of ours it already holds as changed. */
  public void attach() {
    map.addListener(this);
    List<MapEdge> existing = map.snapshot().edges();
    boolean any = false;
    synchronized (dirty) {
      for (MapEdge e : existing) {
        if (e.observer().equals(selfText)) {
          any |= dirty.add(e.key());
        }
      }
    }
    if (any) {
      onChange.run();
    }
  }

  /** Stops listening. */
  public void detach() {
    map.removeListener(this);
  }

  @Override
  public void edgeStored(MapEdge edge) {
    if (edge.observer().equals(selfText)) {
      boolean added;
      synchronized (dirty) {
        added = dirty.add(edge.key());
      }
      if (added) {
        onChange.run();
      }
    }
  }

  /** How many of our edges changed and are not yet published. */
  public int pending() {
    synchronized (dirty) {
      return dirty.size();
    }
  }

  /** How many of our edges were skipped because an id is not shareable. */
  public long unshareable() {
    return unshareable.get();
  }

  /**
   * Takes up to {@code maxDeltas} deltas of changed edges (each within the limits) and forgets
   * them as changed; give a delta back with {@link #restore} if publishing it failed.
   */
  public List<TopologyDeltaFrame> takeChanges(int maxDeltas) {
    List<EdgeKey> keys = new ArrayList<>();
    synchronized (dirty) {
      Iterator<EdgeKey> it = dirty.iterator();
      long most = (long) maxDeltas * limits.maxEdges();
      while (it.hasNext() && keys.size() < most) {
        keys.add(it.next());
        it.remove();
      }
    }
    List<MapEdge> edges = new ArrayList<>(keys.size());
    for (EdgeKey k : keys) {
      map.edge(k.a(), k.b()).filter(this::shareable).ifPresent(edges::add);
    }
    List<List<MapEdge>> parts = split(edges);
    List<TopologyDeltaFrame> frames = new ArrayList<>(Math.min(parts.size(), maxDeltas));
    for (int i = 0; i < parts.size(); i++) {
      if (i < maxDeltas) {
        frames.add(frame(parts.get(i), false));
      } else { // the node limit made more chunks than a round may send: next round
        synchronized (dirty) {
          parts.get(i).forEach(e -> dirty.add(e.key()));
        }
      }
    }
    return frames;
  }

  /** Marks the edges of an unpublished delta as changed again. */
  public void restore(TopologyDeltaFrame frame) {
    synchronized (dirty) {
      frame.edges().forEach(e -> dirty.add(e.key()));
    }
  }

  /**
   * The next at most {@code maxChunks} chunks of the full-state resend: all our edges in key
   * order, continuing where the last call stopped and starting over after the last edge.
   */
  public List<TopologyDeltaFrame> nextResend(int maxChunks) {
    EdgeKey from;
    synchronized (this) {
      from = resendCursor;
    }
    List<MapEdge> ours = new ArrayList<>();
    for (MapEdge e : map.snapshot().edges()) { // key order
      if ((from == null || e.key().compareTo(from) > 0) && shareable(e)) {
        ours.add(e);
      }
    }
    List<List<MapEdge>> parts = split(ours);
    boolean more = parts.size() > maxChunks;
    if (more) {
      parts = parts.subList(0, maxChunks);
    }
    List<TopologyDeltaFrame> frames = new ArrayList<>(parts.size());
    for (List<MapEdge> part : parts) {
      frames.add(frame(part, true));
    }
    synchronized (this) {
      resendCursor = more ? last(parts).key() : null;
    }
    return frames;
  }

  private static MapEdge last(List<List<MapEdge>> parts) {
    List<MapEdge> part = parts.get(parts.size() - 1);
    return part.get(part.size() - 1);
  }

  private boolean shareable(MapEdge e) {
    if (!e.observer().equals(selfText)
        || e.lastSeen().isBefore(clock.instant().minus(map.config().maxAge()))) {
      return false; // others speak for their edges; receivers would drop stale ones
    }
    if (NodeIds.isValid(e.key().a()) && NodeIds.isValid(e.key().b())
        && !e.lastSeen().isAfter(clock.instant().plus(map.config().maxFutureSkew()))) {
      return true; // (receivers, ourselves included, refuse ids they cannot read and future dates)
    }
    unshareable.incrementAndGet();
    return false;
  }

  /** {@code edges} in runs that fit the limits: at most maxEdges, and their ends at most maxNodes. */
  private List<List<MapEdge>> split(List<MapEdge> edges) {
    List<List<MapEdge>> parts = new ArrayList<>();
    List<MapEdge> part = new ArrayList<>();
    Set<String> ends = new java.util.HashSet<>();
    for (MapEdge e : edges) {
      int added = (ends.contains(e.key().a()) ? 0 : 1) + (ends.contains(e.key().b()) ? 0 : 1);
      if (!part.isEmpty()
          && (part.size() == limits.maxEdges() || ends.size() + added > limits.maxNodes())) {
        parts.add(part);
        part = new ArrayList<>();
        ends.clear();
      }
      part.add(e);
      ends.add(e.key().a());
      ends.add(e.key().b());
    }
    if (!part.isEmpty()) {
      parts.add(part);
    }
    return parts;
  }

  private void addKind(Map<String, NodeKind> nodes, String id) {
    if (nodes.size() < limits.maxNodes()) {
      nodes.computeIfAbsent(id, k -> map.kind(k).orElse(NodeKind.ROUTER));
    }
  }

  private TopologyDeltaFrame frame(List<MapEdge> edges, boolean fullState) {
    Map<String, NodeKind> nodes = new LinkedHashMap<>();
    for (MapEdge e : edges) {
      addKind(nodes, e.key().a());
      addKind(nodes, e.key().b());
    }
    Instant now = clock.instant();
    long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    long seq = sequence.updateAndGet(last -> Math.max(last + 1, micros));
    return new TopologyDeltaFrame(self, seq, now, fullState, nodes, edges);
  }
}
