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
      throw new IllegalArgumentException(what + " must be >= 0, got " + text(amount));
    }
    // Checked on the stripped form before any scaling: 1e999999999 or 1e-999999999 must not
    // expand into a billion digits.
    BigDecimal d = amount.stripTrailingZeros();
    if (d.scale() > SCALE) {
      throw new IllegalArgumentException(what + " has more than " + SCALE + " decimals: "
          + text(amount));
    }
    if (d.precision() - d.scale() > 19) {
      throw new IllegalArgumentException(what + " is too large: " + text(amount));
    }
    try {
      return d.movePointRight(SCALE).longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(what + " is too large: " + text(amount));
    }
  }

  /** Plain digits for ordinary amounts, scientific notation when that would be very long. */
  private static String text(BigDecimal amount) {
    return Math.abs(amount.scale()) <= 40 ? amount.toPlainString() : amount.toString();
  }

  /** The decimal of {@code micros} micro-units, without trailing zeros (2500000 gives 2.5). */
  public static BigDecimal format(long micros) {
    BigDecimal d = BigDecimal.valueOf(micros, SCALE).stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0) : d;
  }
}
