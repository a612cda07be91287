package dev.icon.overlay.ping;

/** Why a ping failed; each is a stream error (only the ping stream is closed). */
public enum PingError {
  /** The echo differed from what was sent. */
  MISMATCH,
  /** The stream closed before the echo arrived. */
  CLOSED
}
