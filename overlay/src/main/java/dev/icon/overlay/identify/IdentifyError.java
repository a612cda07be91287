package dev.icon.overlay.identify;

/** Why identify failed; each is a stream error (the identify stream is closed, not the connection). */
public enum IdentifyError {
  /** A message's length prefix exceeds the configured maximum. */
  MESSAGE_TOO_LARGE,
  /** Bad length prefix or protobuf. */
  MALFORMED,
  /** The message carries no public key, or one that does not decode. */
  MISSING_KEY,
  /** The public key does not belong to the connection's remote peer id. */
  KEY_MISMATCH,
  /** The stream ended before a complete message. */
  CLOSED_EARLY
}
