package dev.icon.node.decide;

/**
 * One option's score and its parts; lower is better (see icon-node/README.md, "Decision").
 *
 * @param latency demand-weighted mean of {@code max(rtt, target) / target} (1.0 = within target
 *     everywhere)
 * @param cost the tree's spend per hour over the budget per hour
 * @param moves 1 for a migration or replication, 0 otherwise
 * @param total {@code w_latency * latency + w_cost * cost + w_moves * moves}
 * @param meanRttMs demand-weighted mean RTT, ms (0 without demand)
 * @param spendPerHourMicros the tree's spend per hour after the option
 */
public record Score(double latency, double cost, double moves, double total, double meanRttMs,
    long spendPerHourMicros) {

  static Score of(Objective o, double latency, long spend, boolean move, double meanRttMs) {
    double cost = (double) spend / o.budgetPerHourMicros();
    double moves = move ? 1 : 0;
    return new Score(latency, cost, moves,
        o.wLatency() * latency + o.wCost() * cost + o.wMoves() * moves, meanRttMs, spend);
  }
}
