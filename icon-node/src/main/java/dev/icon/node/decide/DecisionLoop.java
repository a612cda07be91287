package dev.icon.node.decide;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Drives one ICON: on each {@link #tick()} (once per decision period, called by the node's
 * scheduler or by the simulator) asks the {@link DecisionEngine} for a decision while the ICON is
 * {@link Lifecycle#ACTIVE}, moves the {@link LifecycleMachine}, sets a replica's budget share
 * aside and calls the {@link Actuator}. The actuator reports the end of a move with {@link
 * #completed(boolean)} (at once in the simulator, after make-before-break in the node).
 *
 * <p>Threading: not thread-safe; one owner calls it (the node serializes ticks and completions on
 * one executor). No I/O of its own.
 */
public final class DecisionLoop {

  private final DecisionEngine engine;
  private final Clock clock;
  private final NetworkView view;
  private final Actuator actuator;
  private final Budget budget;
  private final LifecycleMachine lifecycle;
  private Instant lastMove;
  private Decision pending;

  /** A loop for an ICON in {@code lifecycle}'s state; {@link #activate()} starts deciding. */
  public DecisionLoop(DecisionEngine engine, Clock clock, NetworkView view, Actuator actuator,
      Budget budget, LifecycleMachine lifecycle) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.view = Objects.requireNonNull(view, "view");
    this.actuator = Objects.requireNonNull(actuator, "actuator");
    this.budget = Objects.requireNonNull(budget, "budget");
    this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
  }

  /** START -> ACTIVE: deployed and serving. Counts as a move for the cool-down. */
  public void activate() {
    lifecycle.moveTo(Lifecycle.ACTIVE);
    lastMove = clock.instant();
  }

  /** Decides once; acts when ACTIVE and the decision is a move. Returns the decision. */
  public Decision tick() {
    if (lifecycle.state() != Lifecycle.ACTIVE) {
      Score none = new Score(0, 0, 0, 0, 0, 0);
      return Decision.stay(none, "state " + lifecycle.state() + ": no decision");
    }
    Instant now = clock.instant();
    Decision d = engine.decide(view, budget.available(), now, lastMove);
    switch (d.kind()) {
      case STAY -> {
        return d;
      }
      case MIGRATE -> {
        lifecycle.moveTo(Lifecycle.MIGRATING);
        pending = d;
        lastMove = now;
        actuator.migrate(d);
      }
      case REPLICATE -> {
        budget.split(d.budgetShareMicros());
        lifecycle.moveTo(Lifecycle.REPLICATING);
        pending = d;
        lastMove = now;
        actuator.replicate(d);
      }
      case TERMINATE -> {
        lifecycle.moveTo(Lifecycle.TERMINATING);
        pending = d;
        lastMove = now;
        actuator.terminate(d);
      }
      default -> throw new IllegalStateException("unknown kind " + d.kind());
    }
    return d;
  }

  /**
   * The actuator's report on the pending move. A migration or replication ends ACTIVE either way
   * (a failed replication gets its budget share back: the move was rolled back); a termination
   * ends TERMINATED when it succeeded, FAILED otherwise.
   *
   * @throws IllegalStateException when no move is pending
   */
  public void completed(boolean success) {
    if (pending == null) {
      throw new IllegalStateException("no move pending in state " + lifecycle.state());
    }
    Decision d = pending;
    pending = null;
    switch (lifecycle.state()) {
      case MIGRATING -> lifecycle.moveTo(Lifecycle.ACTIVE);
      case REPLICATING -> {
        if (!success) {
          budget.receiveReturn(d.budgetShareMicros());
        }
        lifecycle.moveTo(Lifecycle.ACTIVE);
      }
      case TERMINATING -> {
        if (success) {
          budget.close();
        }
        lifecycle.moveTo(success ? Lifecycle.TERMINATED : Lifecycle.FAILED);
      }
      default -> throw new IllegalStateException("move pending in state " + lifecycle.state());
    }
  }

  /**
   * Stops all spending now (an orphan: no living ancestor): moves to TERMINATING when allowed,
   * closes the budget and tells the actuator. Idempotent.
   */
  public void stopSpending(String reason) {
    if (lifecycle.state().isFinal() || lifecycle.state() == Lifecycle.TERMINATING) {
      return;
    }
    if (lifecycle.state() != Lifecycle.ACTIVE) {
      // A move in flight is abandoned: MIGRATING/REPLICATING/START cannot go to TERMINATING.
      lifecycle.moveTo(Lifecycle.FAILED);
    } else {
      lifecycle.moveTo(Lifecycle.TERMINATING);
    }
    pending = null;
    budget.close();
    actuator.stopSpending(reason);
  }

  /** The lifecycle state. */
  public Lifecycle state() {
    return lifecycle.state();
  }

  /** The instant of the last move, or null. */
  public Instant lastMove() {
    return lastMove;
  }
}
