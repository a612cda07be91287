package dev.icon.overlay.yamux;

/** The four Yamux frame types and their wire codes. */
public enum YamuxFrameType {
  /** Stream data; the length field is the payload length. */
  DATA(0),
  /** Stream window update; the length field is the window delta. */
  WINDOW_UPDATE(1),
  /** Session ping; the length field is an opaque value echoed back. */
  PING(2),
  /** Session termination; the length field is the go-away code. */
  GO_AWAY(3);

  private final int code;

  YamuxFrameType(int code) {
    this.code = code;
  }

  /** The wire code of this type. */
  public int code() {
    return code;
  }

  /**
   * The type for a wire code.
   *
   * @throws YamuxException {@link YamuxError#MALFORMED_FRAME} for an unknown code
   */
  public static YamuxFrameType fromCode(int code) {
    return switch (code) {
      case 0 -> DATA;
      case 1 -> WINDOW_UPDATE;
      case 2 -> PING;
      case 3 -> GO_AWAY;
      default -> throw new YamuxException(YamuxError.MALFORMED_FRAME, "unknown frame type " + code);
    };
  }
}
