package dev.icon.market.negotiate;

import dev.icon.proto.icon.negotiate.NegotiateFrame;
import java.util.Optional;

/**
 * One side of one negotiation, as a state machine over {@link NegotiateFrame}s with no I/O: the
 * caller feeds it the peer's frames ({@link #onFrame}) and timer expiries ({@link #onTimeout}) and
 * sends the replies it returns. {@link SessionRunner} runs one over a stream; tests drive one by
 * hand with a hand-moved clock.
 *
 * <p>Every failure ends the session: {@link #failure()} says why, and the returned reply is the
 * {@code Reject} to send (none when the peer rejected). Nothing is stored unless the session ends
 * with an {@link #agreement()}.
 *
 * <p>Threading: not thread-safe; confine a session to one thread (its stream's event loop).
 */
public interface NegotiationSession {

  /** What a step produced: a frame to send (or null) and whether the session is over. */
  record Step(NegotiateFrame reply, boolean done) {

    /** An optional view of {@link #reply()}. */
    public Optional<NegotiateFrame> replyFrame() {
      return Optional.ofNullable(reply);
    }
  }

  /** The first frame this side sends, if it speaks first (the consumer's request). */
  Optional<NegotiateFrame> open();

  /** Handles the peer's next frame; once {@link #done()}, frames are ignored (no reply). */
  Step onFrame(NegotiateFrame frame);

  /** The step timeout fired: fails the session with {@link NegotiateError#TIMEOUT} unless done. */
  Step onTimeout();

  /** True once the session succeeded or failed. */
  boolean done();

  /** The verified, stored agreement once the session succeeded. */
  Optional<SignedAgreement> agreement();

  /** Why the session failed, once it did. */
  Optional<NegotiateException> failure();
}
