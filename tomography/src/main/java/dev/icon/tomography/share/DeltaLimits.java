package dev.icon.tomography.share;

/**
 * The size limits of one topology delta, enforced on both sides: an outgoing delta is split to fit
 * them, an incoming one beyond them is rejected. Immutable.
 *
 * @param maxBytes the most encoded bytes; checked before parsing (default 256 KiB, a quarter of
 *     gossip's 1 MiB message limit, so a delta never competes with the router's own limit)
 * @param maxNodes the most nodes in one delta (default 1,000: both ends of every edge)
 * @param maxEdges the most edges in one delta (default 500: a traceroute of 30 hops gives about
 *     30 edges, so one delta carries the changes of more than a dozen paths)
 */
public record DeltaLimits(int maxBytes, int maxNodes, int maxEdges) {

  /** Encoded bytes of a delta's fixed fields at most (version, observer, sequence, time, flag). */
  static final int MAX_HEADER_BYTES = 128;
  /** Encoded bytes of one edge entry at most: two ids, RTT statistics, time, observer, framing. */
  static final int MAX_EDGE_BYTES = 2 * (NodeIds.MAX_LENGTH + 2) + 42 + 11 + 46 + 4;
  /** Encoded bytes of one node entry at most: id, kind, framing. */
  static final int MAX_NODE_BYTES = NodeIds.MAX_LENGTH + 2 + 2 + 4;

  /**
   * Checks the invariants, naming the field at fault: every count at least 1, and {@code maxBytes}
   * large enough for a delta with {@code maxNodes} nodes and {@code maxEdges} edges of the longest
   * ids, so that a sender within the entry limits is always within the byte limit.
   */
  public DeltaLimits {
    if (maxNodes < 1) {
      throw new IllegalArgumentException("DeltaLimits.maxNodes must be at least 1, was " + maxNodes);
    }
    if (maxEdges < 1) {
      throw new IllegalArgumentException("DeltaLimits.maxEdges must be at least 1, was " + maxEdges);
    }
    long worst = worstCaseBytes(maxNodes, maxEdges);
    if (maxBytes < worst) {
      throw new IllegalArgumentException("DeltaLimits.maxBytes must be at least " + worst
          + " for " + maxNodes + " nodes and " + maxEdges + " edges, was " + maxBytes);
    }
  }

  /** 256 KiB, 1,000 nodes, 500 edges (see the components). */
  public static DeltaLimits defaults() {
    return new DeltaLimits(256 * 1024, 1_000, 500);
  }

  /** The most bytes a delta of {@code nodes} nodes and {@code edges} edges can encode to. */
  public static long worstCaseBytes(int nodes, int edges) {
    return MAX_HEADER_BYTES + (long) nodes * MAX_NODE_BYTES + (long) edges * MAX_EDGE_BYTES;
  }
}
