package dev.icon.bench.gossip;

/**
 * The offered rates one implementation is tried at on one topology: multiplied by {@code factor}
 * from {@code startRate} while each step sustains its rate (see {@link
 * LoadStep#sustains(double)}); after the first step that does not, {@code refine} bisection steps
 * at the geometric mean of the highest sustained and the lowest failed rate (so factor 2 and two
 * refinements bracket the sustained rate within 2^(1/4), about 19%). When the very first rate
 * fails, the rate is divided by {@code factor} instead until one sustains. At most {@code
 * maxSteps} steps in all. Not thread-safe.
 */
final class RateSearch {

  private final double factor;
  private final int maxSteps;
  private int refinesLeft;
  private double next;
  private double good = Double.NaN;
  private double bad = Double.NaN;
  private int steps;

  RateSearch(double startRate, double factor, int maxSteps, int refine) {
    this.next = startRate;
    this.factor = factor;
    this.maxSteps = maxSteps;
    this.refinesLeft = refine;
  }

  /** Whether another step should run. */
  boolean active() {
    return steps < maxSteps && !Double.isNaN(next);
  }

  /** The offered rate of the next step, whole messages per second. */
  double nextRate() {
    return Math.max(1, Math.round(next));
  }

  /** Records whether the step at {@link #nextRate()} sustained it and picks the next rate. */
  void record(boolean sustained) {
    double rate = nextRate();
    steps++;
    if (sustained) {
      good = Double.isNaN(good) ? rate : Math.max(good, rate);
    } else {
      bad = Double.isNaN(bad) ? rate : Math.min(bad, rate);
    }
    if (Double.isNaN(bad)) {
      next = rate * factor; // still ramping up
    } else if (Double.isNaN(good)) {
      next = rate / factor; // the start rate was too high: come down
    } else if (refinesLeft > 0) {
      refinesLeft--;
      double mid = Math.round(Math.sqrt(good * bad));
      next = mid > good && mid < bad ? mid : Double.NaN;
    } else {
      next = Double.NaN;
    }
  }
}
