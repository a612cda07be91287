package dev.icon.overlay.api;

/** Why a host operation failed. Each constant says what it affects. */
public enum HostError {
  /** The host is not started, or already stopped. Affects the call only. */
  NOT_RUNNING,
  /** No transport can dial or listen on the address. Affects the call only. */
  UNSUPPORTED_ADDRESS,
  /** The peer has no known address to dial. Affects the call only. */
  NO_ADDRESSES,
  /** The TCP connect failed or timed out. Affects the call only. */
  DIAL_FAILED,
  /** The remote proved a different peer id than the one dialled (/p2p/ in the address). */
  PEER_ID_MISMATCH,
  /** Security or muxer negotiation failed; the connection was closed. */
  UPGRADE_FAILED,
  /** A configured connection limit (total or per peer) refused the connection; it was closed. */
  CONNECTION_LIMIT,
  /** The remote supports none of the requested protocols; only that stream was closed. */
  PROTOCOL_NOT_SUPPORTED,
  /** The connection closed while the operation was in progress. */
  CONNECTION_CLOSED,
  /** A protocol (identify, ping, perf) failed on its stream; only that stream was closed. */
  PROTOCOL_FAILED,
  /** Dialing ourselves. Affects the call only. */
  DIAL_SELF
}
