package dev.icon.gossip.score;

import java.time.Duration;

/** Validation helpers shared by the score configs; each failure names the field at fault. */
final class ScoreChecks {
  private ScoreChecks() {}

  static void finite(String field, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(field + " must be finite, got " + value);
    }
  }

  static void atLeast(String field, double value, double min) {
    finite(field, value);
    if (value < min) {
      throw new IllegalArgumentException(field + " must be >= " + min + ", got " + value);
    }
  }

  static void atMost(String field, double value, double max) {
    finite(field, value);
    if (value > max) {
      throw new IllegalArgumentException(field + " must be <= " + max + ", got " + value);
    }
  }

  static void positive(String field, double value) {
    finite(field, value);
    if (value <= 0) {
      throw new IllegalArgumentException(field + " must be > 0, got " + value);
    }
  }

  static void decay(String field, double value) {
    finite(field, value);
    if (value <= 0 || value >= 1) {
      throw new IllegalArgumentException(field + " must be in (0, 1), got " + value);
    }
  }

  static void positive(String field, Duration value) {
    notNull(field, value);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(field + " must be > 0, got " + value);
    }
  }

  static void nonNegative(String field, Duration value) {
    notNull(field, value);
    if (value.isNegative()) {
      throw new IllegalArgumentException(field + " must be >= 0, got " + value);
    }
  }

  static void notNull(String field, Object value) {
    if (value == null) {
      throw new IllegalArgumentException(field + " must not be null");
    }
  }
}
