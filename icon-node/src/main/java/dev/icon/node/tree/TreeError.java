package dev.icon.node.tree;

/** Why a tree frame or request was refused. Every refusal is local to one stream. */
public enum TreeError {
  /** Unparsable, wrong version, no kind, too many ancestors. */
  MALFORMED,
  /** Larger than {@link TreeConfig#maxFrameSize()}. */
  OVERSIZED,
  /** The body's sender is not the stream's peer, or its receiver is not us. */
  WRONG_PEER,
  /** The signature is not the claimed sender's. */
  BAD_SIGNATURE,
  /** Sent too far from our clock ({@link TreeConfig#maxSkew()}). */
  STALE,
  /** A join whose ancestor chain is not us followed by our own ancestors. */
  BAD_CHAIN,
  /** A heartbeat or leave from a peer that is not our child. */
  NOT_A_CHILD,
  /** Not taking children (stopped, orphaned, or full). */
  NOT_ACCEPTING,
  /** A frame of a kind that makes no sense here (a reply as a request). */
  UNEXPECTED,
  /** The peer did not answer in time, or the stream broke. */
  UNREACHABLE
}
