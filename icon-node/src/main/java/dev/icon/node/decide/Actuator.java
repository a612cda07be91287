package dev.icon.node.decide;

/**
 * Carries out decisions: the real node negotiates, deploys, redirects and releases; the simulator
 * updates its model. Called by {@link DecisionLoop} on the thread that ticks it; implementations
 * that work asynchronously report the end through {@link DecisionLoop#completed(boolean)}.
 */
public interface Actuator {

  /** Move this ICON to {@code d.provider()}. */
  void migrate(Decision d);

  /** Start a child on {@code d.provider()}; {@code d.budgetShareMicros()} is already set aside. */
  void replicate(Decision d);

  /** End this ICON: redirect to {@code d.redirectTo()}, return what is left of its budget. */
  void terminate(Decision d);

  /** Stop all spending at once (an orphan whose ancestors are all gone); {@code reason} for logs. */
  void stopSpending(String reason);
}
