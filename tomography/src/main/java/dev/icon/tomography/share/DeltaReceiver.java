package dev.icon.tomography.share;

import dev.icon.overlay.identity.PeerId;
import dev.icon.tomography.map.MapConfig;
import dev.icon.tomography.map.MapEdge;
import dev.icon.tomography.map.TopologyMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks received deltas against their signed author and the map's time rules, and merges what
 * passes into a {@link TopologyMap}.
 *
 * <p>Rules, after {@link TopologyDeltaCodec#decode} (size, syntax, limits, ids): the gossip author
 * must exist ({@link TopologyShareError#UNSIGNED}) and equal the delta's observer ({@link
 * TopologyShareError#FORGED_OBSERVER}) and every edge's observer ({@link
 * TopologyShareError#FORGED_EDGE_OBSERVER}); neither the delta nor an edge may be dated more than
 * the map's {@link MapConfig#maxFutureSkew()} ahead of its clock ({@link
 * TopologyShareError#FUTURE}); edges older than {@link MapConfig#maxAge()} are dropped, and a delta
 * left with none is {@link TopologyShareError#STALE}. Nothing of a refused delta is merged.
 *
 * <p>Thread-safe and stateless apart from the map (whose own lock guards merges). Never throws:
 * an unexpected exception is an {@link TopologyShareError#INTERNAL} verdict.
 */
public final class DeltaReceiver {

  private final TopologyDeltaCodec codec;
  private final TopologyMap map;

  /** Checks with {@code codec}, judges time on the map's clock and config, merges into {@code map}. */
  public DeltaReceiver(TopologyDeltaCodec codec, TopologyMap map) {
    this.codec = Objects.requireNonNull(codec, "codec");
    this.map = Objects.requireNonNull(map, "map");
  }

  /** The verdict on {@code data} signed by {@code author} ({@code null} if unsigned); merges nothing. */
  public DeltaVerdict check(PeerId author, byte[] data) {
    try {
      if (author == null) {
        return DeltaVerdict.fail(TopologyShareError.UNSIGNED, "the message has no author");
      }
      return judge(author, codec.decode(data));
    } catch (TopologyShareException e) {
      return DeltaVerdict.fail(e.error(), e.getMessage());
    } catch (RuntimeException e) {
      return DeltaVerdict.fail(TopologyShareError.INTERNAL, String.valueOf(e));
    }
  }

  /** {@link #check}s {@code data} and, if accepted, merges it; the verdict counts changed edges. */
  public DeltaVerdict receive(PeerId author, byte[] data) {
    DeltaVerdict v = check(author, data);
    if (!v.accepted()) {
      return v;
    }
    try {
      return v.withMerged(merge(v.frame()));
    } catch (RuntimeException e) {
      return DeltaVerdict.fail(TopologyShareError.INTERNAL, String.valueOf(e));
    }
  }

  private DeltaVerdict judge(PeerId author, TopologyDeltaFrame frame) {
    if (!frame.observer().equals(author)) {
      return DeltaVerdict.fail(TopologyShareError.FORGED_OBSERVER,
          "observer " + frame.observer() + " but signed by " + author);
    }
    if (frame.edges().isEmpty()) {
      return DeltaVerdict.fail(TopologyShareError.EMPTY, "no edges");
    }
    MapConfig config = map.config();
    Instant now = map.clock().instant();
    Instant horizon = now.plus(config.maxFutureSkew());
    Instant cutoff = now.minus(config.maxAge());
    if (frame.generatedAt().isAfter(horizon)) {
      return DeltaVerdict.fail(TopologyShareError.FUTURE,
          "generated at " + frame.generatedAt() + ", our clock says " + now);
    }
    String authorText = author.toBase58();
    List<MapEdge> fresh = new ArrayList<>(frame.edges().size());
    for (MapEdge e : frame.edges()) {
      if (!e.observer().equals(authorText)) {
        return DeltaVerdict.fail(TopologyShareError.FORGED_EDGE_OBSERVER,
            "edge " + e.key() + " observed by " + e.observer() + " but signed by " + author);
      }
      if (e.lastSeen().isAfter(horizon)) {
        return DeltaVerdict.fail(TopologyShareError.FUTURE,
            "edge " + e.key() + " last seen " + e.lastSeen() + ", our clock says " + now);
      }
      if (!e.lastSeen().isBefore(cutoff)) {
        fresh.add(e);
      }
    }
    if (fresh.isEmpty()) {
      return DeltaVerdict.fail(TopologyShareError.STALE, "all " + frame.edges().size()
          + " edges older than " + config.maxAge());
    }
    return DeltaVerdict.accept(
        fresh.size() == frame.edges().size() ? frame : frame.withEdges(fresh));
  }

  private int merge(TopologyDeltaFrame frame) {
    int changed = 0;
    for (MapEdge e : frame.edges()) {
      if (map.merge(e)) {
        changed++;
      }
    }
    frame.nodes().forEach((id, kind) -> {
      if (map.kind(id).isPresent()) {
        map.mergeNode(id, kind);
      }
    });
    return changed;
  }
}
