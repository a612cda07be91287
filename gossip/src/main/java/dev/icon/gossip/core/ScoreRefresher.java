package dev.icon.gossip.core;

import dev.icon.overlay.identity.PeerId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs the score's decay once per decay interval (checked each heartbeat) and reports, after each
 * refresh, every connected peer whose score moved since the last report. Not thread-safe.
 */
final class ScoreRefresher {
  private final RouterState s;
  private final long decayIntervalNanos;
  private final Map<PeerId, Double> reported = new LinkedHashMap<>();
  private long lastDecayNanos;

  ScoreRefresher(RouterState state, GossipRouterOptions options) {
    this.s = state;
    this.decayIntervalNanos = options.scoreParams().decayInterval().toNanos();
    this.lastDecayNanos = state.clock.getAsLong();
  }

  /** A peer connected: its current (possibly retained) score is the baseline. */
  void peerAdded(PeerId peer) {
    reported.put(peer, s.scoreOf(peer));
  }

  void peerRemoved(PeerId peer) {
    reported.remove(peer);
  }

  /** Heartbeat step: refresh when due, then report changes. */
  void heartbeat() {
    long now = s.clock.getAsLong();
    if (now - lastDecayNanos < decayIntervalNanos) {
      return;
    }
    lastDecayNanos = now;
    s.score.refreshScores();
    for (Map.Entry<PeerId, Double> e : reported.entrySet()) {
      double before = e.getValue();
      double after = s.scoreOf(e.getKey());
      if (Double.compare(before, after) != 0) {
        e.setValue(after);
        s.listener.scoreChanged(e.getKey(), before, after);
      }
    }
  }
}
