package dev.icon.overlay.noise;

/**
 * Why a Noise session failed. Every Noise error is a connection error: the connection it happened
 * on is closed, nothing else is affected.
 */
public enum NoiseError {
  /** The remote's identity signature over its static Noise key does not verify. */
  BAD_SIGNATURE,
  /** The remote proved a peer id other than the one dialed. */
  PEER_ID_MISMATCH,
  /** A handshake or transport ciphertext failed authentication. */
  DECRYPT_FAILED,
  /** A frame or message exceeds the 65535-byte Noise limit. */
  FRAME_TOO_LARGE,
  /** A handshake message or transport frame is too short or otherwise malformed. */
  MALFORMED_MESSAGE,
  /** The handshake payload is not a valid NoiseHandshakePayload or identity key. */
  MALFORMED_PAYLOAD,
  /** A DH public key is invalid (e.g. a low-order point giving an all-zero shared secret). */
  INVALID_KEY,
  /** The handshake did not finish within the configured timeout. */
  HANDSHAKE_TIMEOUT,
  /** The connection closed before the handshake finished. */
  CONNECTION_CLOSED,
  /** The 2^64-1 nonce space of a cipher state is used up. */
  NONCE_EXHAUSTED,
  /** The JDK lacks a required primitive or failed internally. */
  CRYPTO_FAILURE
}
