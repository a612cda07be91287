package dev.icon.node.cli.peer;

import dev.icon.gossip.router.GossipConfigBuilder;

/**
 * Mesh degrees derived from {@code --gossip-d N}, the same rule as the js peer's
 * {@code meshDegrees}: D = N, D_lo = ceil(2N/3), D_hi = 2N, D_score = min(4, D_lo),
 * D_out = min(2, floor(N/2), D_lo - 1). N = 6 gives the spec defaults (6, 4, 12, 4, 2), and every
 * N >= 1 satisfies the spec's invariants. Immutable.
 */
record MeshDegrees(int d, int dLow, int dHigh, int dScore, int dOut) {

  /** The degrees for {@code n} (at least 1). */
  static MeshDegrees of(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("--gossip-d must be at least 1: " + n);
    }
    int dLow = Math.max(1, (2 * n + 2) / 3);
    return new MeshDegrees(n, dLow, 2 * n, Math.min(4, dLow),
        Math.max(0, Math.min(Math.min(2, n / 2), dLow - 1)));
  }

  /** Sets these degrees on {@code b}. */
  GossipConfigBuilder applyTo(GossipConfigBuilder b) {
    return b.d(d).dLow(dLow).dHigh(dHigh).dScore(dScore).dOut(dOut);
  }
}
