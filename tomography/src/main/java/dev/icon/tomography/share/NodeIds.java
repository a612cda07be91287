package dev.icon.tomography.share;

import dev.icon.overlay.identity.IdentityException;
import dev.icon.overlay.identity.PeerId;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.xbill.DNS.Address;

/**
 * The node ids a topology map uses, in their one canonical text form each: an IP address as
 * {@link InetAddress#getHostAddress()} prints it ({@code 192.0.2.1}, {@code 2001:db8:0:0:0:0:0:1};
 * no scope, no leading zeros), an address prefix ({@code 192.0.2.0/24}: such an address, a slash and
 * a length in range), or a base58 peer id ({@code 12D3KooW...}, {@code Qm...}). A non-canonical
 * spelling of a valid id is refused, so that one node never appears under two names. Stateless.
 */
public final class NodeIds {

  /** The longest id accepted: a full IPv6 prefix is 43 characters, a base58 peer id 46 or 52. */
  public static final int MAX_LENGTH = 64;

  private NodeIds() {}

  /** Why {@code id} is not a valid node id, or empty when it is. */
  public static Optional<String> problem(String id) {
    if (id == null || id.isEmpty()) {
      return Optional.of("empty node id");
    }
    if (id.length() > MAX_LENGTH) {
      return Optional.of("node id longer than " + MAX_LENGTH + " characters");
    }
    int slash = id.indexOf('/');
    if (slash >= 0) {
      return prefixProblem(id, slash);
    }
    if (id.indexOf(':') >= 0 || isDotted(id)) {
      return isCanonicalAddress(id) ? Optional.empty()
          : Optional.of("'" + printable(id) + "' is not an IP address in canonical form");
    }
    return peerIdProblem(id);
  }

  /** Whether {@code id} is a valid node id. */
  public static boolean isValid(String id) {
    return problem(id).isEmpty();
  }

  private static Optional<String> prefixProblem(String id, int slash) {
    String addr = id.substring(0, slash);
    String len = id.substring(slash + 1);
    InetAddress parsed = canonicalAddress(addr);
    if (parsed == null) {
      return Optional.of("prefix '" + printable(id) + "' does not start with a canonical address");
    }
    int max = parsed instanceof Inet4Address ? 32 : 128;
    if (len.isEmpty() || len.length() > 3 || !len.chars().allMatch(c -> c >= '0' && c <= '9')
        || (len.length() > 1 && len.charAt(0) == '0') || Integer.parseInt(len) > max) {
      return Optional.of("prefix '" + printable(id) + "' needs a length 0.." + max);
    }
    return Optional.empty();
  }

  private static Optional<String> peerIdProblem(String id) {
    if (!(id.startsWith("1") || id.startsWith("Qm"))) {
      return Optional.of("'" + printable(id) + "' is neither an IP address, a prefix nor a peer id");
    }
    try {
      PeerId peer = PeerId.parse(id);
      return peer.toBase58().equals(id) ? Optional.empty()
          : Optional.of("peer id '" + printable(id) + "' is not in canonical base58");
    } catch (IdentityException | IllegalArgumentException | ArithmeticException e) {
      return Optional.of("'" + printable(id) + "' is not a peer id: " + e.getMessage());
    }
  }

  private static boolean isDotted(String id) {
    return id.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
  }

  private static boolean isCanonicalAddress(String text) {
    return canonicalAddress(text) != null;
  }

  private static InetAddress canonicalAddress(String text) {
    if (text.isEmpty() || text.length() > 39 || text.indexOf('%') >= 0) {
      return null;
    }
    try {
      InetAddress a = Address.getByAddress(text);
      return a.getHostAddress().equals(text) ? a : null;
    } catch (UnknownHostException | RuntimeException e) {
      return null;
    }
  }

  /** {@code text} with control characters replaced, for messages about hostile input. */
  static String printable(String text) {
    StringBuilder b = new StringBuilder(Math.min(text.length(), MAX_LENGTH + 3));
    for (int i = 0; i < text.length() && i < MAX_LENGTH; i++) {
      char c = text.charAt(i);
      b.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    return text.length() > MAX_LENGTH ? b.append("...").toString() : b.toString();
  }
}
