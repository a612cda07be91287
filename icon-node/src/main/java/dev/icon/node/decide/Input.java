package dev.icon.node.decide;

import dev.icon.node.decide.NetworkView.Placement;
import java.util.List;

/**
 * One decision's reading of the view: demand, the nearest RTT per prefix with and without this
 * ICON, what the tree spends. Built by {@link DecisionEngine} per call; not shared.
 */
final class Input {

  int n;
  int m;
  double cap;
  Placement self;
  boolean[] occupied;
  long spend;
  double[] demand;
  double totalDemand;
  /** Nearest RTT per prefix over the whole tree (clamped). */
  double[] best;
  /** Nearest RTT per prefix over the tree without this ICON (clamped). */
  double[] others;
  /** RTT per prefix from this ICON (clamped). */
  double[] selfRtt;
  /** Indexes of the prefixes with demand, ascending. */
  int[] live;

  private Input() {}

  static Input read(NetworkView view, double cap) {
    Input in = new Input();
    in.n = view.prefixCount();
    in.m = view.providerCount();
    in.cap = cap;
    List<Placement> tree = view.tree();
    in.occupied = new boolean[in.m];
    for (Placement pl : tree) {
      if (pl.provider() < 0 || pl.provider() >= in.m) {
        throw new IllegalArgumentException("placement of " + pl.iconId() + " names provider "
            + pl.provider() + ", outside 0.." + (in.m - 1));
      }
      if (pl.iconId().equals(view.selfId())) {
        in.self = pl;
      }
      in.occupied[pl.provider()] = true;
      in.spend = Math.addExact(in.spend, Math.max(0, view.pricePerHourMicros(pl.provider())));
    }
    if (in.self == null) {
      throw new IllegalArgumentException("self " + view.selfId() + " is not in the tree");
    }
    in.demand = new double[in.n];
    in.best = new double[in.n];
    in.others = new double[in.n];
    in.selfRtt = new double[in.n];
    int[] providers = new int[tree.size()];
    boolean[] isSelf = new boolean[tree.size()];
    for (int k = 0; k < providers.length; k++) {
      providers[k] = tree.get(k).provider();
      isSelf[k] = tree.get(k) == in.self;
    }
    int liveCount = 0;
    for (int i = 0; i < in.n; i++) {
      double d = view.demandRps(i);
      d = d > 0 && d < Double.POSITIVE_INFINITY ? d : 0;
      in.demand[i] = d;
      in.totalDemand += d;
      double o = cap;
      double s = cap;
      for (int k = 0; k < providers.length; k++) {
        double r = DecisionEngine.clamp(view.rttMs(providers[k], i), cap);
        if (isSelf[k]) {
          s = r;
        } else if (r < o) {
          o = r;
        }
      }
      in.others[i] = o;
      in.selfRtt[i] = s;
      in.best[i] = Math.min(o, s);
      if (d > 0) {
        liveCount++;
      }
    }
    in.live = new int[liveCount];
    for (int i = 0, k = 0; i < in.n; i++) {
      if (in.demand[i] > 0) {
        in.live[k++] = i;
      }
    }
    return in;
  }
}
