package dev.icon.node.decide;

import dev.icon.node.decide.Decision.Kind;
import dev.icon.node.decide.NetworkView.Placement;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Scores stay / migrate to P / replicate to P / terminate for one ICON and picks the best option,
 * as described in icon-node/README.md ("Decision"). Pure: no I/O, no threads, no clock of its own,
 * no randomness; the same inputs give the same decision (ties go to the smaller provider id). One
 * call reads the view {@code O(prefixes x (tree size + 2 x providers))} times.
 *
 * <p>Threading: immutable and thread-safe; a view must not change during a call.
 */
public final class DecisionEngine {

  private static final double EPS = 1e-12;

  private final Objective objective;
  private final DecisionConfig config;

  /** An engine for {@code objective}, tuned by {@code config}. */
  public DecisionEngine(Objective objective, DecisionConfig config) {
    this.objective = Objects.requireNonNull(objective, "objective");
    this.config = Objects.requireNonNull(config, "config");
  }

  /** The objective. */
  public Objective objective() {
    return objective;
  }

  /** The tuning. */
  public DecisionConfig config() {
    return config;
  }

  /**
   * Decides for the ICON {@code view.selfId()}.
   *
   * @param availableMicros what is left of this ICON's own budget ({@link Budget#available()})
   * @param now the decision's instant
   * @param lastMove the instant of this ICON's last move, or {@code null} if none
   * @throws IllegalArgumentException when the view is inconsistent (self not in the tree, a
   *     provider index out of range)
   */
  public Decision decide(NetworkView view, long availableMicros, Instant now, Instant lastMove) {
    Objects.requireNonNull(now, "now");
    Input in = Input.read(view, objective.latencyTargetMs() * config.maxRttFactor());
    double target = objective.latencyTargetMs();
    Placement self = in.self;
    long selfPrice = view.pricePerHourMicros(self.provider());
    Score stay = score(in, in.best, in.spend, false);
    if (lastMove != null && now.isBefore(lastMove.plus(config.cooldown()))) {
      return Decision.stay(stay, "cool-down until " + lastMove.plus(config.cooldown()));
    }
    Option best = null;
    if (self.parentId() != null) {
      Score term = score(in, in.others, in.spend - selfPrice, false);
      if (term.latency() <= stay.latency() + EPS) {
        return terminate(in, view, stay, term, "parent's tree serves this child's prefixes "
            + "within target without it");
      }
      if (stay.total() - term.total() > config.hysteresis()) {
        best = new Option(Kind.TERMINATE, -1, term, 0);
      }
    }
    long budget = objective.budgetPerHourMicros();
    int n = in.n;
    for (int p = 0; p < in.m; p++) {
      if (in.occupied[p] || !(view.capacityRps(p) > 0)) {
        continue;
      }
      long price = view.pricePerHourMicros(p);
      long share = share(availableMicros, price, selfPrice);
      long runway = runwayCost(price);
      boolean repOk = in.spend + price <= budget && share >= runway && share > 0;
      long migSpend = in.spend - selfPrice + price;
      boolean migOk = (migSpend <= budget || price <= selfPrice) && availableMicros >= runway;
      if (!repOk && !migOk) {
        continue;
      }
      double repLat = 0;
      double repRtt = 0;
      double repServed = 0;
      double migLat = 0;
      double migRtt = 0;
      double migServed = 0;
      int[] live = in.live;
      for (int k = 0; k < live.length; k++) {
        int i = live[k];
        double d = in.demand[i];
        double r = clamp(view.rttMs(p, i), in.cap);
        double b = in.best[i];
        double o = in.others[i];
        if (r < b) {
          repServed += d;
          repLat += d * Math.max(r, target);
          repRtt += d * r;
        } else {
          repLat += d * Math.max(b, target);
          repRtt += d * b;
        }
        if (r < o) {
          migServed += d;
          migLat += d * Math.max(r, target);
          migRtt += d * r;
        } else {
          migLat += d * Math.max(o, target);
          migRtt += d * o;
        }
      }
      double capacity = view.capacityRps(p);
      if (migOk && migServed <= capacity) {
        Score s = Score.of(objective, latency(in, migLat), migSpend, true, meanRtt(in, migRtt));
        best = better(view, best, new Option(Kind.MIGRATE, p, s, 0), stay);
      }
      if (repOk && repServed > 0 && repServed <= capacity) {
        Score s = Score.of(objective, latency(in, repLat), in.spend + price, true,
            meanRtt(in, repRtt));
        best = better(view, best, new Option(Kind.REPLICATE, p, s, share), stay);
      }
    }
    if (best == null) {
      return Decision.stay(stay, "no option gains more than the hysteresis "
          + config.hysteresis() + " within budget and capacity");
    }
    return switch (best.kind) {
      case TERMINATE -> terminate(in, view, stay, best.score,
          "terminating gains " + gain(stay, best.score));
      case MIGRATE -> new Decision(Kind.MIGRATE, view.providerId(best.provider), 0, List.of(),
          null, stay, best.score, "migrating gains " + gain(stay, best.score));
      case REPLICATE -> new Decision(Kind.REPLICATE, view.providerId(best.provider), best.share,
          servedBy(in, view, best.provider), null, stay, best.score,
          "replicating gains " + gain(stay, best.score));
      case STAY -> throw new IllegalStateException("unreachable");
    };
  }

  private Option better(NetworkView view, Option current, Option candidate, Score stay) {
    if (stay.total() - candidate.score.total() <= config.hysteresis()) {
      return current;
    }
    if (current == null) {
      return candidate;
    }
    double diff = candidate.score.total() - current.score.total();
    if (diff < -EPS) {
      return candidate;
    }
    if (diff <= EPS && current.provider >= 0 && candidate.provider != current.provider
        && view.providerId(candidate.provider).compareTo(view.providerId(current.provider)) < 0) {
      return candidate;
    }
    return current;
  }

  private Decision terminate(Input in, NetworkView view, Score stay, Score term, String reason) {
    List<String> mine = new ArrayList<>();
    for (int i = 0; i < in.n; i++) {
      if (in.selfRtt[i] < in.others[i] && in.demand[i] > 0) {
        mine.add(view.prefix(i));
      }
    }
    return new Decision(Kind.TERMINATE, null, 0, mine, in.self.parentId(), stay, term, reason);
  }

  private List<String> servedBy(Input in, NetworkView view, int p) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < in.n; i++) {
      if (in.demand[i] > 0 && clamp(view.rttMs(p, i), in.cap) < in.best[i]) {
        out.add(view.prefix(i));
      }
    }
    return out;
  }

  private Score score(Input in, double[] rtt, long spend, boolean move) {
    double target = objective.latencyTargetMs();
    double lat = 0;
    double mean = 0;
    for (int i = 0; i < in.n; i++) {
      lat += in.demand[i] * Math.max(rtt[i], target);
      mean += in.demand[i] * rtt[i];
    }
    return Score.of(objective, latency(in, lat), spend, move, meanRtt(in, mean));
  }

  private double latency(Input in, double weightedMaxSum) {
    return in.totalDemand > 0 ? weightedMaxSum / (in.totalDemand * objective.latencyTargetMs())
        : 1.0;
  }

  private static double meanRtt(Input in, double weightedSum) {
    return in.totalDemand > 0 ? weightedSum / in.totalDemand : 0;
  }

  private static String gain(Score stay, Score chosen) {
    return String.format(java.util.Locale.ROOT, "%.4f", stay.total() - chosen.total());
  }

  /** The child's share: the parent's budget split in proportion to the two spend rates. */
  static long share(long available, long childPrice, long parentPrice) {
    if (available <= 0) {
      return 0;
    }
    long sum = childPrice + parentPrice;
    if (sum <= 0) {
      return available / 2;
    }
    return BigInteger.valueOf(available).multiply(BigInteger.valueOf(childPrice))
        .divide(BigInteger.valueOf(sum)).longValue();
  }

  private long runwayCost(long pricePerHour) {
    Duration runway = config.minRunway();
    BigInteger c = BigInteger.valueOf(pricePerHour).multiply(BigInteger.valueOf(runway.toMillis()))
        .add(BigInteger.valueOf(3_599_999)).divide(BigInteger.valueOf(3_600_000));
    return c.bitLength() < 63 ? c.longValue() : Long.MAX_VALUE;
  }

  static double clamp(double rtt, double cap) {
    return rtt >= 0 && rtt < cap ? rtt : cap;
  }

  private record Option(Kind kind, int provider, Score score, long share) {}
}
