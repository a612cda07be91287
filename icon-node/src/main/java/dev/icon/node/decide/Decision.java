package dev.icon.node.decide;

import java.util.List;
import java.util.Objects;

/**
 * What the engine chose, with the scores behind it. Immutable.
 *
 * @param kind STAY, MIGRATE, REPLICATE or TERMINATE
 * @param provider the target provider's id (MIGRATE, REPLICATE); {@code null} otherwise
 * @param budgetShareMicros for REPLICATE, the part of this ICON's budget granted to the child; 0
 *     otherwise
 * @param prefixes for REPLICATE, the prefixes the child should serve (nearest to it); for
 *     TERMINATE, the prefixes handed back; empty otherwise
 * @param redirectTo for TERMINATE, the parent's id clients are redirected to; {@code null} otherwise
 * @param stay the score of staying as we are
 * @param chosen the score of the chosen option (equal to {@code stay} for STAY)
 * @param reason one line saying why, for logs and events
 */
public record Decision(Kind kind, String provider, long budgetShareMicros, List<String> prefixes,
    String redirectTo, Score stay, Score chosen, String reason) {

  /** The four options. */
  public enum Kind {
    /** Keep everything as it is. */
    STAY,
    /** Move this ICON to {@link Decision#provider()} (make before break). */
    MIGRATE,
    /** Start a child on {@link Decision#provider()} with a budget share. */
    REPLICATE,
    /** End this ICON (a child), returning its budget and redirecting to its parent. */
    TERMINATE
  }

  /** Checks the fields fit the kind. */
  public Decision {
    Objects.requireNonNull(kind, "kind");
    prefixes = List.copyOf(prefixes);
    Objects.requireNonNull(stay, "stay");
    Objects.requireNonNull(chosen, "chosen");
    Objects.requireNonNull(reason, "reason");
    if ((kind == Kind.MIGRATE || kind == Kind.REPLICATE) != (provider != null)) {
      throw new IllegalArgumentException("provider is required exactly for MIGRATE and REPLICATE");
    }
    if (budgetShareMicros < 0 || (kind != Kind.REPLICATE && budgetShareMicros != 0)) {
      throw new IllegalArgumentException("budgetShareMicros must be >= 0 and only on REPLICATE");
    }
  }

  static Decision stay(Score stay, String reason) {
    return new Decision(Kind.STAY, null, 0, List.of(), null, stay, stay, reason);
  }

  /** The score gained over staying (positive for any move the engine makes). */
  public double gain() {
    return stay.total() - chosen.total();
  }

  /** True for anything but STAY. */
  public boolean isMove() {
    return kind != Kind.STAY;
  }
}
