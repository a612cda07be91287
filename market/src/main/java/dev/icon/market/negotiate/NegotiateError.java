package dev.icon.market.negotiate;

import dev.icon.proto.icon.negotiate.RejectReason;

/**
 * Why a negotiation failed; each maps to the wire's {@link RejectReason}. Every error is a stream
 * error: it ends one negotiation (one stream), never the connection or the host.
 */
public enum NegotiateError {
  /** A side declined (no capacity, price, the ICON's evaluator). */
  DECLINED(RejectReason.DECLINED),
  /** A frame that does not parse, or a field that is missing or out of range. */
  MALFORMED(RejectReason.MALFORMED),
  /** A missing or wrong signature. */
  BAD_SIGNATURE(RejectReason.BAD_SIGNATURE),
  /** A peer id that is not the one expected. */
  WRONG_PEER(RejectReason.WRONG_PEER),
  /** A request or offer past its expiry, or valid for longer than allowed. */
  EXPIRED(RejectReason.EXPIRED),
  /** A nonce or agreement id seen before. */
  REPLAY(RejectReason.REPLAY),
  /** A frame that does not fit the session's state. */
  UNEXPECTED(RejectReason.UNEXPECTED),
  /** A step did not arrive in time. */
  TIMEOUT(RejectReason.TIMEOUT),
  /** An offer or agreement whose terms differ from what was asked or offered. */
  TERMS_MISMATCH(RejectReason.TERMS_MISMATCH),
  /** The agreement could not be stored. */
  STORE_FAILED(RejectReason.STORE_FAILED);

  private final RejectReason wire;

  NegotiateError(RejectReason wire) {
    this.wire = wire;
  }

  /** The wire code. */
  public RejectReason wire() {
    return wire;
  }

  /** True when the error is the peer's misbehaviour (its stream is reset, not closed). */
  public boolean misbehaviour() {
    return switch (this) {
      case MALFORMED, BAD_SIGNATURE, WRONG_PEER, EXPIRED, REPLAY, UNEXPECTED, TERMS_MISMATCH -> true;
      case DECLINED, TIMEOUT, STORE_FAILED -> false;
    };
  }

  /** The error for a wire code ({@link #MALFORMED} for an unknown or unspecified one). */
  public static NegotiateError fromWire(RejectReason reason) {
    for (NegotiateError e : values()) {
      if (e.wire == reason) {
        return e;
      }
    }
    return MALFORMED;
  }
}
