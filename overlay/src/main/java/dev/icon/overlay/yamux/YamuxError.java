package dev.icon.overlay.yamux;

/**
 * What went wrong, with its blast radius: a connection error closes the whole session (after a
 * go-away carrying {@link #goAwayCode()}), a stream error only one stream (or one open attempt).
 */
public enum YamuxError {
  /** Bad version or frame type, or a frame on the wrong stream id (e.g. ping on a stream). */
  MALFORMED_FRAME(true, YamuxProtocol.GO_AWAY_PROTOCOL_ERROR),
  /** A data frame longer than the largest window we could ever grant. */
  FRAME_TOO_LARGE(true, YamuxProtocol.GO_AWAY_PROTOCOL_ERROR),
  /** The remote sent more data than the receive window we granted. */
  WINDOW_EXCEEDED(true, YamuxProtocol.GO_AWAY_PROTOCOL_ERROR),
  /** A SYN with id 0, the wrong parity for the remote's role, or the id of a live stream. */
  INVALID_STREAM_ID(true, YamuxProtocol.GO_AWAY_PROTOCOL_ERROR),
  /** The remote kept opening streams beyond our limit after being refused. */
  STREAM_LIMIT_ABUSE(true, YamuxProtocol.GO_AWAY_PROTOCOL_ERROR),
  /** A keepalive ping was not answered in time. */
  PING_TIMEOUT(true, YamuxProtocol.GO_AWAY_INTERNAL_ERROR),
  /** An unexpected failure below or inside the muxer. */
  INTERNAL(true, YamuxProtocol.GO_AWAY_INTERNAL_ERROR),
  /** Opening a stream would exceed the configured limit of streams per connection. */
  STREAM_LIMIT(false, YamuxProtocol.GO_AWAY_NORMAL),
  /** A go-away was sent or received: no new streams on this connection. */
  GOING_AWAY(false, YamuxProtocol.GO_AWAY_NORMAL),
  /** The connection is closed. */
  SESSION_CLOSED(false, YamuxProtocol.GO_AWAY_NORMAL),
  /** All 2^31 local stream ids of this connection have been used. */
  STREAM_IDS_EXHAUSTED(false, YamuxProtocol.GO_AWAY_NORMAL),
  /** A data frame after the remote's FIN on the same stream: that stream is reset. */
  DATA_AFTER_FIN(false, YamuxProtocol.GO_AWAY_NORMAL),
  /** A ping was not answered in time (user ping; the connection is not closed for it). */
  PING_FAILED(false, YamuxProtocol.GO_AWAY_NORMAL);

  private final boolean connectionError;
  private final int goAwayCode;

  YamuxError(boolean connectionError, int goAwayCode) {
    this.connectionError = connectionError;
    this.goAwayCode = goAwayCode;
  }

  /** True when this error closes the whole connection, false when only a stream or request. */
  public boolean isConnectionError() {
    return connectionError;
  }

  /** The go-away code sent for a connection error. */
  public int goAwayCode() {
    return goAwayCode;
  }
}
