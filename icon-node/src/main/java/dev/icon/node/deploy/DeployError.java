package dev.icon.node.deploy;

import dev.icon.proto.icon.deploy.Refusal;

/**
 * Why a transfer failed. The first group mirrors the receiver's wire {@link Refusal}s (a refusal
 * ends the transfer: the sender does not retry); the rest are local to one side. Every error is
 * a stream error: the connection and the host carry on.
 */
public enum DeployError {
  /** The admission check does not know (or no longer honours) the agreement. */
  UNKNOWN_AGREEMENT(Refusal.UNKNOWN_AGREEMENT),
  /** Larger than the agreement, the config or the free disk allows. */
  TOO_LARGE(Refusal.TOO_LARGE),
  /** The sender's or all senders' staging quota is used up. */
  QUOTA_EXCEEDED(Refusal.QUOTA_EXCEEDED),
  /** A chunk's bytes do not match its sha256. */
  CHUNK_HASH_MISMATCH(Refusal.CHUNK_HASH_MISMATCH),
  /** The whole artifact does not match the offered sha256. */
  TOTAL_HASH_MISMATCH(Refusal.TOTAL_HASH_MISMATCH),
  /** A chunk at an unexpected offset, past the announced size, or of the wrong length. */
  BAD_CHUNK(Refusal.BAD_CHUNK),
  /** A malformed offer or a message out of order. */
  PROTOCOL_VIOLATION(Refusal.PROTOCOL_VIOLATION),
  /** The receiver failed to store the data. */
  STORAGE_FAILED(Refusal.STORAGE_FAILED),
  /** The receiver is shutting down. */
  SHUTTING_DOWN(Refusal.SHUTTING_DOWN),
  /** A frame whose length prefix or body does not parse (stream reset). */
  MALFORMED_FRAME(null),
  /** A frame above the size limit (stream reset). */
  OVERSIZED_FRAME(null),
  /** The sender's source failed to read, or its bytes differ from its announced size or hash. */
  SOURCE_FAILED(null),
  /** The sender gave up after its configured attempts (each dropped or timed out). */
  RETRIES_EXHAUSTED(null),
  /** A partial transfer was idle longer than the configured staleness and was deleted. */
  EXPIRED(null);

  private final Refusal wire;

  DeployError(Refusal wire) {
    this.wire = wire;
  }

  /** The wire refusal, or null when the error never travels. */
  public Refusal wire() {
    return wire;
  }

  /** The error of a received refusal ({@link #PROTOCOL_VIOLATION} for unknown values). */
  public static DeployError fromWire(Refusal refusal) {
    for (DeployError e : values()) {
      if (e.wire == refusal && e.wire != null) {
        return e;
      }
    }
    return PROTOCOL_VIOLATION;
  }
}
