package dev.icon.overlay.multiaddr;

/** What was wrong with a multiaddr. */
public enum MultiaddrError {
  /** Text that is not a '/'-separated sequence of protocol names and values. */
  SYNTAX,
  /** A protocol name or code this implementation does not know. */
  UNKNOWN_PROTOCOL,
  /** A value that is invalid for its protocol (bad address, port out of range, bad peer id). */
  INVALID_VALUE,
  /** Binary input that ends inside a component. */
  TRUNCATED,
  /** A component or the whole address over the size limits. */
  TOO_LONG,
  /** Attaching a peer id to an address that already names a different one. */
  PEER_ID_MISMATCH,
  /** Conversion to a TCP socket address of an address that is not ip4|ip6/tcp. */
  NOT_TCP
}
