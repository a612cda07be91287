package dev.icon.overlay.multibase;

/**
 * RFC 4648 base32 without padding, lowercase on output (multibase prefix 'b', used by CIDs).
 * Decoding accepts either case but rejects padding, impossible lengths and non-zero trailing bits,
 * so every byte string has exactly one accepted spelling per case.
 *
 * <p>Stateless and thread-safe.
 */
public final class Base32 {

  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

  private Base32() {}

  /** Encodes bytes as lowercase base32 without padding. */
  public static String encode(byte[] input) {
    StringBuilder out = new StringBuilder((input.length * 8 + 4) / 5);
    int buffer = 0;
    int bits = 0;
    for (byte b : input) {
      buffer = (buffer << 8) | (b & 0xFF);
      bits += 8;
      while (bits >= 5) {
        bits -= 5;
        out.append(ALPHABET.charAt((buffer >>> bits) & 0x1F));
      }
    }
    if (bits > 0) {
      out.append(ALPHABET.charAt((buffer << (5 - bits)) & 0x1F));
    }
    return out.toString();
  }

  /**
   * Decodes unpadded base32 in either case.
   *
   * @throws MultibaseException on a character outside the alphabet, a length no byte string
   *     encodes to, or non-zero unused trailing bits
   */
  public static byte[] decode(String text) {
    int remainder = text.length() % 8;
    if (remainder == 1 || remainder == 3 || remainder == 6) {
      throw new MultibaseException("invalid base32 length " + text.length());
    }
    byte[] out = new byte[text.length() * 5 / 8];
    int buffer = 0;
    int bits = 0;
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      buffer = (buffer << 5) | valueOf(text.charAt(i), i);
      bits += 5;
      if (bits >= 8) {
        bits -= 8;
        out[n++] = (byte) (buffer >>> bits);
      }
    }
    if ((buffer & ((1 << bits) - 1)) != 0) {
      throw new MultibaseException("base32 text has non-zero trailing bits");
    }
    return out;
  }

  private static int valueOf(char c, int index) {
    if (c >= 'a' && c <= 'z') {
      return c - 'a';
    }
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= '2' && c <= '7') {
      return c - '2' + 26;
    }
    throw new MultibaseException("invalid base32 character '" + c + "' at index " + index);
  }
}
