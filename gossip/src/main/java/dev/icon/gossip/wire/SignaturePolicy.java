package dev.icon.gossip.wire;

/**
 * How a topic's messages are authored, as in go and js-libp2p. All peers of a topic must agree:
 * each policy rejects the other's messages.
 */
public enum SignaturePolicy {
  /**
   * The default: every message carries {@code from}, an 8-byte {@code seqno} and a valid {@code
   * signature} (plus {@code key} when the key is not inlined in {@code from}).
   */
  STRICT_SIGN,
  /**
   * Anonymous messages: {@code from}, {@code seqno}, {@code signature} and {@code key} must all be
   * absent (pair it with a content-based id such as {@link StandardMessageIdFunction#SHA256_DATA}).
   */
  STRICT_NO_SIGN
}
