package dev.icon.gossip.api;

/** Why a pub/sub operation failed; see {@link GossipException#error()}. */
public enum GossipError {
  /** The message (or its RPC) is larger than the configured maximum. */
  MESSAGE_TOO_LARGE,
  /** No peer is subscribed to the topic and publishing to nobody is not allowed. */
  NO_PEERS,
  /** One of our own validators rejected or ignored the message we tried to publish. */
  REJECTED,
  /** The per-node topic limit is reached. */
  TOO_MANY_TOPICS,
  /** The pub/sub service (or its host) is closed. */
  CLOSED,
  /** A configuration value is invalid. */
  INVALID_CONFIG
}
