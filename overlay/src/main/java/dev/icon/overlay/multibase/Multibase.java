package dev.icon.overlay.multibase;

import java.util.HexFormat;

/**
 * Multibase: text carrying a one-character prefix naming its encoding. Supports 'b' (base32
 * lowercase), 'B' (base32 uppercase), 'z' (base58btc) and 'f' (base16 lowercase), the encodings
 * libp2p peers emit for CIDs.
 *
 * <p>Stateless and thread-safe.
 */
public final class Multibase {

  private Multibase() {}

  /** Encodes with the base32 lowercase prefix 'b', the default for CIDs. */
  public static String encodeBase32(byte[] input) {
    return "b" + Base32.encode(input);
  }

  /**
   * Decodes prefixed text.
   *
   * @throws MultibaseException on an empty string, an unsupported prefix, or invalid text
   */
  public static byte[] decode(String text) {
    if (text.isEmpty()) {
      throw new MultibaseException("empty multibase text");
    }
    String body = text.substring(1);
    switch (text.charAt(0)) {
      case 'b':
      case 'B':
        return Base32.decode(body);
      case 'z':
        return Base58.decode(body);
      case 'f':
        return decodeHex(body);
      default:
        throw new MultibaseException("unsupported multibase prefix '" + text.charAt(0) + "'");
    }
  }

  private static byte[] decodeHex(String body) {
    if (!body.equals(body.toLowerCase(java.util.Locale.ROOT))) {
      throw new MultibaseException("base16 with prefix 'f' must be lowercase");
    }
    try {
      return HexFormat.of().parseHex(body);
    } catch (IllegalArgumentException e) {
      throw new MultibaseException("invalid base16 text: " + e.getMessage());
    }
  }
}
