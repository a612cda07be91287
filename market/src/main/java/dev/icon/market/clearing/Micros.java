package dev.icon.market.clearing;

import java.math.BigDecimal;

/**
 * Money as {@code long} micro-units (1e-6 of the currency), converted exactly to and from
 * decimals. Stateless and thread-safe.
 */
public final class Micros {

  /** Decimal places a price may have. */
  public static final int SCALE = 6;

  private Micros() {}

  /**
   * The micro-units of a non-negative decimal.
   *
   * @param what names the field in the error message
   * @throws IllegalArgumentException for a negative amount, more than 6 decimals, or more than
   *     {@link Long#MAX_VALUE} micro-units
   */
  public static long parse(String what, BigDecimal amount) {
    if (amount.signum() < 0) {
      throw new IllegalArgumentException(what + " must be >= 0, got " + amount.toPlainString());
    }
    BigDecimal micros = amount.movePointRight(SCALE);
    if (micros.stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException(what + " has more than " + SCALE + " decimals: "
          + amount.toPlainString());
    }
    try {
      return micros.longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(what + " is too large: " + amount.toPlainString());
    }
  }

  /** The decimal of {@code micros} micro-units, without trailing zeros (2500000 gives 2.5). */
  public static BigDecimal format(long micros) {
    BigDecimal d = BigDecimal.valueOf(micros, SCALE).stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0) : d;
  }
}
