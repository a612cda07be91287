package dev.icon.overlay.identify;

/** Identify (libp2p/specs identify/README.md): ids and constant field values. */
public final class IdentifyProtocol {

  /** Ask the remote to describe itself: it writes one Identify message and closes. */
  public static final String ID = "/ipfs/id/1.0.0";

  /** Tell the remote about a change of our protocols or addresses. */
  public static final String PUSH_ID = "/ipfs/id/push/1.0.0";

  /** The protocolVersion field's value. */
  public static final String PROTOCOL_VERSION = "ipfs/0.1.0";

  private IdentifyProtocol() {}
}
