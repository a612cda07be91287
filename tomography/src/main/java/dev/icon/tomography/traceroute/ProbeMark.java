package dev.icon.tomography.traceroute;

/**
 * The annotation traceroute prints after a probe's time when the answer was an ICMP error other
 * than "time exceeded" or "port unreachable" (the text in parentheses is what it prints).
 */
public enum ProbeMark {
  /** No annotation: time exceeded from a router, or the target answered. */
  NONE(""),
  /** {@code !H}: host unreachable. */
  HOST_UNREACHABLE("!H"),
  /** {@code !N}: network unreachable (IPv6: no route). */
  NETWORK_UNREACHABLE("!N"),
  /** {@code !P}: protocol unreachable. */
  PROTOCOL_UNREACHABLE("!P"),
  /** {@code !S}: source route failed (IPv6: beyond scope). */
  SOURCE_ROUTE_FAILED("!S"),
  /** {@code !F} or {@code !F-<mtu>}: fragmentation needed. */
  FRAGMENTATION_NEEDED("!F"),
  /** {@code !X}: communication administratively prohibited. */
  ADMIN_PROHIBITED("!X"),
  /** {@code !V}: host precedence violation. */
  HOST_PRECEDENCE_VIOLATION("!V"),
  /** {@code !C}: precedence cut-off in effect. */
  PRECEDENCE_CUTOFF("!C"),
  /** {@code !<num>}: another ICMP unreachable code, or a mark this parser does not know. */
  OTHER("!");

  private final String prefix;

  ProbeMark(String prefix) {
    this.prefix = prefix;
  }

  /** Whether the mark means the probe did not get through (every mark except {@link #NONE}). */
  public boolean isError() {
    return this != NONE;
  }

  /** The mark for a token starting with '!' ({@code !H}, {@code !F-1500}, {@code !<10>}). */
  static ProbeMark of(String token) {
    if (token.length() >= 2) {
      String head = token.substring(0, 2);
      for (ProbeMark m : values()) {
        if (m != NONE && m != OTHER && m.prefix.equals(head)
            && (token.length() == 2 || (m == FRAGMENTATION_NEEDED && token.charAt(2) == '-'))) {
          return m;
        }
      }
    }
    return OTHER;
  }
}
