package dev.icon.gossip.wire;

/**
 * What went wrong on the gossipsub wire. Every decoding error is a <em>stream</em> error: the
 * pubsub stream it arrived on is closed, the connection and the peer's other streams are untouched
 * (the router may still penalise the peer).
 */
public enum GossipWireError {
  /** The length prefix announces an RPC larger than the configured maximum. */
  OVERSIZED_RPC,
  /** The length prefix is not a valid minimal unsigned varint. */
  MALFORMED_LENGTH,
  /** The framed bytes are not a valid {@code RPC} protobuf. */
  MALFORMED_RPC,
  /** A message lacks the fields a message-id function needs (e.g. no seqno or author). */
  UNIDENTIFIABLE_MESSAGE,
  /** An argument given to a signer or encoder is unusable (e.g. an RPC too large to send). */
  INVALID_ARGUMENT
}
