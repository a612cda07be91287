package dev.icon.overlay.multibase;

import java.util.Base64;
import java.util.HexFormat;

/**
 * Multibase: text carrying a one-character prefix naming its encoding. Supports 'b' (base32
 * lowercase), 'B' (base32 uppercase), 'z' (base58btc), 'f' (base16 lowercase), 'm' (base64) and
 * 'u' (base64url), all unpadded: the encodings libp2p peers emit for CIDs and certificate hashes.
 *
 * <p>Stateless and thread-safe.
 */
public final class Multibase {

  private Multibase() {}

  /** Encodes with the base32 lowercase prefix 'b', the default for CIDs. */
  public static String encodeBase32(byte[] input) {
    return "b" + Base32.encode(input);
  }

  /** Encodes with the base64url prefix 'u' (no padding), as multiaddr certhash values print. */
  public static String encodeBase64Url(byte[] input) {
    return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(input);
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
      case 'm':
        return decodeBase64(Base64.getDecoder(), body);
      case 'u':
        return decodeBase64(Base64.getUrlDecoder(), body);
      default:
        throw new MultibaseException("unsupported multibase prefix '" + text.charAt(0) + "'");
    }
  }

  private static byte[] decodeBase64(Base64.Decoder decoder, String body) {
    if (body.indexOf('=') >= 0) {
      throw new MultibaseException("padded base64 is not accepted for prefixes 'm' and 'u'");
    }
    try {
      return decoder.decode(body);
    } catch (IllegalArgumentException e) {
      throw new MultibaseException("invalid base64 text: " + e.getMessage());
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
