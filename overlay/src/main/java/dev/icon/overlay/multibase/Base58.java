package dev.icon.overlay.multibase;

import java.util.Arrays;

/**
 * Base58 with the bitcoin alphabet ("base58btc"), as used for peer ids: leading zero bytes become
 * leading '1' characters. Quadratic in the input length, which is fine for identifiers; callers
 * bound the length of untrusted text ({@link #MAX_TEXT_LENGTH}).
 *
 * <p>Stateless and thread-safe.
 */
public final class Base58 {

  /** Longest text {@link #decode} accepts, to keep untrusted input from costing quadratic time. */
  public static final int MAX_TEXT_LENGTH = 4096;

  private static final String ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final int[] INDEXES = new int[128];

  static {
    Arrays.fill(INDEXES, -1);
    for (int i = 0; i < ALPHABET.length(); i++) {
      INDEXES[ALPHABET.charAt(i)] = i;
    }
  }

  private Base58() {}

  /** Encodes bytes as base58btc text. */
  public static String encode(byte[] input) {
    int zeros = 0;
    while (zeros < input.length && input[zeros] == 0) {
      zeros++;
    }
    // log(256) / log(58) < 1.37: enough digits for the non-zero part.
    byte[] digits = new byte[(input.length - zeros) * 137 / 100 + 1];
    int used = 0;
    for (int i = zeros; i < input.length; i++) {
      int carry = input[i] & 0xFF;
      for (int j = 0; j < used; j++) {
        carry += (digits[j] & 0xFF) << 8;
        digits[j] = (byte) (carry % 58);
        carry /= 58;
      }
      while (carry > 0) {
        digits[used++] = (byte) (carry % 58);
        carry /= 58;
      }
    }
    StringBuilder out = new StringBuilder(zeros + used);
    out.append("1".repeat(zeros));
    for (int j = used - 1; j >= 0; j--) {
      out.append(ALPHABET.charAt(digits[j]));
    }
    return out.toString();
  }

  /**
   * Decodes base58btc text.
   *
   * @throws MultibaseException on a character outside the alphabet or text over {@link
   *     #MAX_TEXT_LENGTH}
   */
  public static byte[] decode(String text) {
    if (text.length() > MAX_TEXT_LENGTH) {
      throw new MultibaseException(
          "base58 text too long: " + text.length() + " > " + MAX_TEXT_LENGTH + " characters");
    }
    int zeros = 0;
    while (zeros < text.length() && text.charAt(zeros) == '1') {
      zeros++;
    }
    // log(58) / log(256) < 0.733: enough bytes for the rest.
    byte[] bytes = new byte[(text.length() - zeros) * 733 / 1000 + 1];
    int used = 0;
    for (int i = zeros; i < text.length(); i++) {
      char c = text.charAt(i);
      int carry = c < 128 ? INDEXES[c] : -1;
      if (carry < 0) {
        throw new MultibaseException("invalid base58 character '" + c + "' at index " + i);
      }
      for (int j = 0; j < used; j++) {
        carry += (bytes[j] & 0xFF) * 58;
        bytes[j] = (byte) carry;
        carry >>>= 8;
      }
      while (carry > 0) {
        bytes[used++] = (byte) carry;
        carry >>>= 8;
      }
    }
    byte[] out = new byte[zeros + used];
    for (int j = 0; j < used; j++) {
      out[zeros + j] = bytes[used - 1 - j];
    }
    return out;
  }
}
