package dev.icon.node.decide;

import dev.icon.market.clearing.Micros;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What an ICON's owner asks for: a latency target, a budget per hour, and the weights of the
 * latency, cost and move terms in the decision score (see icon-node/README.md, "Decision").
 *
 * <p>Text form ({@link #parse}): {@code latency=20ms,budget=5/h[,w_latency=1][,w_cost=0.5]
 * [,w_moves=0.1]}; latency takes {@code ms} or {@code s}, budget is currency units per hour
 * ({@code /h}) with at most six decimals. Immutable.
 *
 * @param latencyTargetMs demand-weighted mean RTT the ICON aims at, positive
 * @param budgetPerHourMicros spending the whole tree may run at, micro-units per hour, positive
 * @param wLatency weight of the latency term, finite and non-negative
 * @param wCost weight of the cost term, finite and non-negative
 * @param wMoves weight of the move term (charged once per move), finite and non-negative
 */
public record Objective(double latencyTargetMs, long budgetPerHourMicros, double wLatency,
    double wCost, double wMoves) {

  /** Latency counts double the cost by default: users notice latency first. */
  public static final double DEFAULT_W_LATENCY = 1.0;
  /** Spending the whole budget costs as much as missing the target by half. */
  public static final double DEFAULT_W_COST = 0.5;
  /** A move costs as much as a 10% latency improvement, so churn must pay for itself. */
  public static final double DEFAULT_W_MOVES = 0.1;

  /** Validates every field, naming the one at fault. */
  public Objective {
    if (!(latencyTargetMs > 0) || Double.isInfinite(latencyTargetMs)) {
      throw new IllegalArgumentException("latency must be a positive finite number of ms: "
          + latencyTargetMs);
    }
    if (budgetPerHourMicros <= 0) {
      throw new IllegalArgumentException("budget must be positive: " + budgetPerHourMicros
          + " micros/h");
    }
    weight("w_latency", wLatency);
    weight("w_cost", wCost);
    weight("w_moves", wMoves);
  }

  /** An objective with the default weights. */
  public static Objective of(double latencyTargetMs, long budgetPerHourMicros) {
    return new Objective(latencyTargetMs, budgetPerHourMicros, DEFAULT_W_LATENCY, DEFAULT_W_COST,
        DEFAULT_W_MOVES);
  }

  /**
   * Parses {@code latency=20ms,budget=5/h[,w_latency=..][,w_cost=..][,w_moves=..]}.
   *
   * @throws IllegalArgumentException naming the key at fault (missing, unknown, repeated, bad value)
   */
  public static Objective parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("objective is empty; expected latency=20ms,budget=5/h");
    }
    Double latency = null;
    Long budget = null;
    double wl = DEFAULT_W_LATENCY;
    double wc = DEFAULT_W_COST;
    double wm = DEFAULT_W_MOVES;
    Set<String> seen = new HashSet<>();
    for (String part : text.split(",", -1)) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("objective part '" + part.strip()
            + "' is not key=value");
      }
      String key = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      String value = part.substring(eq + 1).strip();
      if (!seen.add(key)) {
        throw new IllegalArgumentException("objective key '" + key + "' given twice");
      }
      switch (key) {
        case "latency" -> latency = latencyMs(value);
        case "budget" -> budget = budgetPerHour(value);
        case "w_latency" -> wl = number(key, value);
        case "w_cost" -> wc = number(key, value);
        case "w_moves" -> wm = number(key, value);
        default -> throw new IllegalArgumentException("unknown objective key '" + key
            + "' (known: latency, budget, w_latency, w_cost, w_moves)");
      }
    }
    if (latency == null) {
      throw new IllegalArgumentException("objective key 'latency' missing (e.g. latency=20ms)");
    }
    if (budget == null) {
      throw new IllegalArgumentException("objective key 'budget' missing (e.g. budget=5/h)");
    }
    return new Objective(latency, budget, wl, wc, wm);
  }

  /** The text form, parseable by {@link #parse}. */
  @Override
  public String toString() {
    return "latency=" + BigDecimal.valueOf(latencyTargetMs).stripTrailingZeros().toPlainString()
        + "ms,budget=" + Micros.format(budgetPerHourMicros).toPlainString() + "/h,w_latency="
        + wLatency + ",w_cost=" + wCost + ",w_moves=" + wMoves;
  }

  private static double latencyMs(String v) {
    String s = v.toLowerCase(Locale.ROOT);
    double factor;
    String digits;
    if (s.endsWith("ms")) {
      factor = 1;
      digits = s.substring(0, s.length() - 2);
    } else if (s.endsWith("s")) {
      factor = 1000;
      digits = s.substring(0, s.length() - 1);
    } else {
      throw new IllegalArgumentException("objective key 'latency': '" + v
          + "' needs a unit, ms or s (e.g. 20ms)");
    }
    double ms = number("latency", digits.strip()) * factor;
    if (!(ms > 0) || Double.isInfinite(ms)) {
      throw new IllegalArgumentException("objective key 'latency' must be positive: '" + v + "'");
    }
    return ms;
  }

  private static long budgetPerHour(String v) {
    if (!v.toLowerCase(Locale.ROOT).endsWith("/h")) {
      throw new IllegalArgumentException("objective key 'budget': '" + v
          + "' needs the unit /h (currency units per hour, e.g. 5/h)");
    }
    String amount = v.substring(0, v.length() - 2).strip();
    long micros;
    try {
      micros = Micros.parse("budget", new BigDecimal(amount));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("objective key 'budget': '" + amount
          + "' is not a number");
    } catch (ArithmeticException | IllegalArgumentException e) {
      throw new IllegalArgumentException("objective key 'budget': " + e.getMessage());
    }
    if (micros <= 0) {
      throw new IllegalArgumentException("objective key 'budget' must be positive: '" + v + "'");
    }
    return micros;
  }

  private static double number(String key, String v) {
    try {
      if (v.length() > 40) {
        throw new NumberFormatException();
      }
      double d = Double.parseDouble(v);
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("objective key '" + key + "': '" + v
          + "' is not a finite number");
    }
  }

  private static void weight(String name, double w) {
    if (!(w >= 0) || Double.isInfinite(w)) {
      throw new IllegalArgumentException("objective key '" + name
          + "' must be a finite number >= 0: " + w);
    }
  }
}
