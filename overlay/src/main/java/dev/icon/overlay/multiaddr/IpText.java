package dev.icon.overlay.multiaddr;

/**
 * Strict IP address literals, never resolving names: dotted-quad IPv4 without leading zeros, and
 * RFC 4291 IPv6 text without zone or brackets, printed per RFC 5952 (lowercase, longest zero run
 * compressed, IPv4-mapped addresses as {@code ::ffff:a.b.c.d}).
 */
final class IpText {

  private IpText() {}

  /** Parses dotted-quad IPv4 into 4 bytes, or returns null. */
  static byte[] parse4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')
          || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return null;
      }
      int v = Integer.parseInt(p);
      if (v > 255) {
        return null;
      }
      out[i] = (byte) v;
    }
    return out;
  }

  static String print4(byte[] b, int offset) {
    return (b[offset] & 0xFF) + "." + (b[offset + 1] & 0xFF) + "." + (b[offset + 2] & 0xFF) + "."
        + (b[offset + 3] & 0xFF);
  }

  /** Parses IPv6 text into 16 bytes, or returns null. */
  static byte[] parse6(String text) {
    if (text.length() < 2 || text.length() > 45) {
      return null;
    }
    int gap = text.indexOf("::");
    if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    int[] head = gap >= 0 ? groups(text.substring(0, gap), false) : groups(text, true);
    int[] tail = gap >= 0 ? groups(text.substring(gap + 2), true) : new int[0];
    if (head == null || tail == null) {
      return null;
    }
    int total = head.length + tail.length;
    if (gap < 0 ? total != 8 : total > 7) {
      return null;
    }
    byte[] out = new byte[16];
    for (int i = 0; i < head.length; i++) {
      putGroup(out, i, head[i]);
    }
    for (int i = 0; i < tail.length; i++) {
      putGroup(out, 8 - tail.length + i, tail[i]);
    }
    return out;
  }

  /** Colon-separated 16-bit groups; a trailing dotted IPv4 counts as two groups if allowed. */
  private static int[] groups(String text, boolean allowIp4Tail) {
    if (text.isEmpty()) {
      return new int[0];
    }
    String[] parts = text.split(":", -1);
    boolean ip4Tail = allowIp4Tail && parts[parts.length - 1].contains(".");
    int[] out = new int[parts.length + (ip4Tail ? 1 : 0)];
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (ip4Tail && i == parts.length - 1) {
        byte[] v4 = parse4(p);
        if (v4 == null) {
          return null;
        }
        out[i] = ((v4[0] & 0xFF) << 8) | (v4[1] & 0xFF);
        out[i + 1] = ((v4[2] & 0xFF) << 8) | (v4[3] & 0xFF);
      } else {
        if (p.isEmpty() || p.length() > 4) {
          return null;
        }
        int v = 0;
        for (int k = 0; k < p.length(); k++) {
          int d = Character.digit(p.charAt(k), 16);
          if (d < 0) {
            return null;
          }
          v = (v << 4) | d;
        }
        out[i] = v;
      }
    }
    return out;
  }

  private static void putGroup(byte[] out, int index, int value) {
    out[2 * index] = (byte) (value >>> 8);
    out[2 * index + 1] = (byte) value;
  }

  /** RFC 5952 canonical text of 16 bytes. */
  static String print6(byte[] b) {
    boolean mapped = true;
    for (int i = 0; i < 10; i++) {
      mapped &= b[i] == 0;
    }
    if (mapped && b[10] == (byte) 0xFF && b[11] == (byte) 0xFF) {
      return "::ffff:" + print4(b, 12);
    }
    int[] g = new int[8];
    for (int i = 0; i < 8; i++) {
      g[i] = ((b[2 * i] & 0xFF) << 8) | (b[2 * i + 1] & 0xFF);
    }
    int bestStart = -1;
    int bestLength = 1; // a single zero group is never compressed
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder out = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLength - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(g[i]));
    }
    return out.toString();
  }
}
