package dev.icon.overlay.yamux;

/**
 * Constants of the Yamux stream multiplexer ({@code /yamux/1.0.0}, libp2p specs yamux/README.md).
 * Stateless; safe from any thread.
 */
public final class YamuxProtocol {

  /** The multistream-select protocol id. */
  public static final String ID = "/yamux/1.0.0";

  /** The only wire version defined. */
  public static final int VERSION = 0;

  /** Size of every frame header in bytes. */
  public static final int HEADER_LENGTH = 12;

  /** The window both sides assume for every new stream, without any handshake (256 KiB). */
  public static final int INITIAL_WINDOW = 256 * 1024;

  /** The ACK backlog the spec recommends: outbound streams not yet acknowledged by the remote. */
  public static final int SPEC_ACK_BACKLOG = 256;

  /** Go-away code: normal termination. */
  public static final int GO_AWAY_NORMAL = 0;

  /** Go-away code: protocol error. */
  public static final int GO_AWAY_PROTOCOL_ERROR = 1;

  /** Go-away code: internal error. */
  public static final int GO_AWAY_INTERNAL_ERROR = 2;

  private YamuxProtocol() {}
}
