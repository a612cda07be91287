package dev.icon.tomography.map;

/** What an address in a topology map is, as far as its observers know. */
public enum NodeKind {
  /** Answered a traceroute probe on the way to somewhere else. */
  ROUTER,
  /** A traced target (an end host). */
  HOST,
  /** A client address prefix (aggregated users). */
  CLIENT_PREFIX,
  /** An edge provider found in DNS. */
  PROVIDER;

  /** The more specific of two kinds (the later constant): merges are order-independent. */
  static NodeKind moreSpecific(NodeKind a, NodeKind b) {
    return a.ordinal() >= b.ordinal() ? a : b;
  }
}
