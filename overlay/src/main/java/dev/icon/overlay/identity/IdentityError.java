package dev.icon.overlay.identity;

/** What went wrong with a key, peer id or key file. */
public enum IdentityError {
  /** The key protobuf is undecodable, or its Data has the wrong shape for its type. */
  MALFORMED_KEY,
  /** A key type this implementation cannot handle here (e.g. loading a non-Ed25519 private key). */
  UNSUPPORTED_KEY_TYPE,
  /** The key decodes but is not a valid key (point off the curve, bad DER). */
  INVALID_KEY,
  /** An RSA key outside the accepted 2048..8192 bit range. */
  KEY_SIZE,
  /** Text or bytes that are not a valid peer id (bad encoding, multihash, or CID). */
  MALFORMED_PEER_ID,
  /** Reading, creating or writing the key file failed. */
  KEY_FILE_IO,
  /** The key file is readable or writable by group or others. */
  KEY_FILE_PERMISSIONS,
  /** The JDK lacks an algorithm it is required to have, or rejected our own key. */
  CRYPTO_FAILURE
}
