package dev.icon.node.decide;

import java.util.Objects;

/**
 * Holds one ICON's {@link Lifecycle} state and refuses transitions {@link Lifecycle#next()} does not
 * allow. Not thread-safe: one owner (the decision loop, or the simulator) drives it.
 */
public final class LifecycleMachine {

  private Lifecycle state;

  /** A machine in {@link Lifecycle#START}. */
  public LifecycleMachine() {
    this(Lifecycle.START);
  }

  /** A machine in {@code initial} (a replica restored from its parent's record, for instance). */
  public LifecycleMachine(Lifecycle initial) {
    this.state = Objects.requireNonNull(initial, "initial");
  }

  /** The current state. */
  public Lifecycle state() {
    return state;
  }

  /**
   * Moves to {@code to}; returns the state left.
   *
   * @throws IllegalStateException naming both states and the allowed ones when not allowed
   */
  public Lifecycle moveTo(Lifecycle to) {
    Objects.requireNonNull(to, "to");
    if (!state.canMoveTo(to)) {
      throw new IllegalStateException("illegal lifecycle transition " + state + " -> " + to
          + " (allowed from " + state + ": " + state.next() + ")");
    }
    Lifecycle from = state;
    state = to;
    return from;
  }

  /** Moves to {@code to} when allowed; returns whether it did. */
  public boolean tryMoveTo(Lifecycle to) {
    if (!state.canMoveTo(to)) {
      return false;
    }
    state = to;
    return true;
  }

  @Override
  public String toString() {
    return "LifecycleMachine[" + state + "]";
  }
}
