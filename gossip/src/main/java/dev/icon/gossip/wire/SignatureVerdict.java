package dev.icon.gossip.wire;

/**
 * The outcome of {@link MessageSignatureValidator#validate}: {@link #ACCEPT}, or the reason the
 * message is rejected. A rejected message must be neither delivered nor forwarded; the router
 * decides how to penalise the peer that relayed it.
 */
public enum SignatureVerdict {
  /** The message satisfies the signature policy. */
  ACCEPT,
  /** StrictSign: no {@code seqno}. */
  MISSING_SEQNO,
  /** StrictSign: {@code seqno} is not 8 bytes. */
  BAD_SEQNO_LENGTH,
  /** StrictSign: no {@code signature}. */
  MISSING_SIGNATURE,
  /** StrictSign: no {@code from}. */
  MISSING_FROM,
  /** StrictSign: {@code from} is not a valid peer id (or its inlined key is invalid). */
  INVALID_FROM,
  /** StrictSign: {@code key} is not a valid protobuf public key. */
  INVALID_KEY,
  /** StrictSign: {@code key} does not hash to the peer id in {@code from}. */
  KEY_MISMATCH,
  /** StrictSign: {@code from} does not inline its key and no {@code key} field is present. */
  MISSING_KEY,
  /** StrictSign: the signature does not verify with the author's key. */
  BAD_SIGNATURE,
  /** StrictNoSign: a {@code signature} is present. */
  UNEXPECTED_SIGNATURE,
  /** StrictNoSign: a {@code from} is present. */
  UNEXPECTED_FROM,
  /** StrictNoSign: a {@code seqno} is present. */
  UNEXPECTED_SEQNO,
  /** StrictNoSign: a {@code key} is present. */
  UNEXPECTED_KEY;

  /** Whether this verdict lets the message through. */
  public boolean accepted() {
    return this == ACCEPT;
  }
}
