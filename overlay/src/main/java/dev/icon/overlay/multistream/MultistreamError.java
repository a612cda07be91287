package dev.icon.overlay.multistream;

/**
 * Why a multistream-select negotiation failed. Every failure closes the channel the negotiation ran
 * on: the connection when it negotiated security or the muxer, only the stream when it negotiated
 * an application protocol on a stream.
 */
public enum MultistreamError {
  /** A message's length prefix exceeds {@link MultistreamConfig#maxMessageLength()}. */
  MESSAGE_TOO_LONG,
  /** Bad length prefix, missing trailing newline, empty or non-UTF-8 message. */
  MALFORMED_MESSAGE,
  /** The remote's first message was not {@code /multistream/1.0.0}. */
  WRONG_HEADER,
  /** The remote answered with something other than the proposal or {@code na}. */
  UNEXPECTED_MESSAGE,
  /** The remote answered {@code na} to every proposal. */
  NO_PROTOCOL_AGREED,
  /** The remote made more proposals than {@link MultistreamConfig#maxProposals()} allows. */
  TOO_MANY_PROPOSALS,
  /** Negotiation did not finish within {@link MultistreamConfig#negotiationTimeout()}. */
  TIMEOUT,
  /** The channel closed before negotiation finished. */
  CHANNEL_CLOSED
}
