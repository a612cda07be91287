package dev.icon.node.decide;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The states of an ICON's life, with the allowed transitions as data ({@link #next()}).
 *
 * <pre>
 * START -> ACTIVE | FAILED
 * ACTIVE -> MIGRATING | REPLICATING | TERMINATING | FAILED
 * MIGRATING -> ACTIVE | FAILED         (ACTIVE: moved, or the move was rolled back)
 * REPLICATING -> ACTIVE | FAILED       (ACTIVE: the child runs, or the attempt was rolled back)
 * TERMINATING -> TERMINATED | FAILED
 * TERMINATED, FAILED: final
 * </pre>
 */
public enum Lifecycle {
  /** Deployed, not yet serving. */
  START,
  /** Serving; the decision engine runs. */
  ACTIVE,
  /** Moving to another provider (make before break). */
  MIGRATING,
  /** Starting a child replica. */
  REPLICATING,
  /** Draining, returning budget, releasing; spends nothing new. */
  TERMINATING,
  /** Gone; final. */
  TERMINATED,
  /** Broken beyond repair; final. */
  FAILED;

  private static final Map<Lifecycle, Set<Lifecycle>> NEXT = Map.of(
      START, EnumSet.of(ACTIVE, FAILED),
      ACTIVE, EnumSet.of(MIGRATING, REPLICATING, TERMINATING, FAILED),
      MIGRATING, EnumSet.of(ACTIVE, FAILED),
      REPLICATING, EnumSet.of(ACTIVE, FAILED),
      TERMINATING, EnumSet.of(TERMINATED, FAILED),
      TERMINATED, EnumSet.noneOf(Lifecycle.class),
      FAILED, EnumSet.noneOf(Lifecycle.class));

  /** The states this one may move to (a copy). */
  public Set<Lifecycle> next() {
    Set<Lifecycle> s = EnumSet.noneOf(Lifecycle.class);
    s.addAll(NEXT.get(this));
    return s;
  }

  /** True when {@code to} is an allowed next state. */
  public boolean canMoveTo(Lifecycle to) {
    return NEXT.get(this).contains(to);
  }

  /** True for TERMINATED and FAILED. */
  public boolean isFinal() {
    return NEXT.get(this).isEmpty();
  }

  /** True in the states where the ICON may start new spending (START, ACTIVE, MIGRATING, REPLICATING). */
  public boolean maySpend() {
    return this == START || this == ACTIVE || this == MIGRATING || this == REPLICATING;
  }
}
