package dev.icon.overlay.kad;

/**
 * Why a Kademlia operation or input was rejected. Wire errors ({@code MALFORMED_*}, {@code
 * OVERSIZED_MESSAGE}) are stream errors: the stream they came on is closed. Record errors reject
 * one record. Nothing here is a reason to take the node down.
 */
public enum KadError {
  /** The uvarint length prefix of a frame is malformed. */
  MALFORMED_LENGTH,
  /** A frame is longer than the configured maximum message size. */
  OVERSIZED_MESSAGE,
  /** A frame body is not a parsable {@code Message} protobuf. */
  MALFORMED_MESSAGE,
  /** A record key is not {@code /namespace/...} or not valid for its namespace. */
  MALFORMED_KEY,
  /** No validator is registered for the record key's namespace. */
  UNKNOWN_NAMESPACE,
  /** The record (key plus value) is larger than the configured maximum record size. */
  OVERSIZED_RECORD,
  /** The record value cannot be decoded by its namespace's validator. */
  MALFORMED_RECORD,
  /** The record's public key does not belong to the peer named in the key. */
  KEY_MISMATCH,
  /** The record's signature does not verify. */
  BAD_SIGNATURE,
  /** The record has expired. */
  EXPIRED_RECORD,
  /** None of several candidate records is valid. */
  NO_VALID_RECORD
}
