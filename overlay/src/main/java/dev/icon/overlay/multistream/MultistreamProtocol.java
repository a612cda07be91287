package dev.icon.overlay.multistream;

/**
 * Constants of multistream-select 1.0 (multiformats/multistream-select, libp2p/specs
 * connections/README.md): the header both sides send first and the two control messages.
 */
public final class MultistreamProtocol {

  /** The protocol header, sent by both sides before anything else. */
  public static final String HEADER = "/multistream/1.0.0";

  /** The responder's answer to a proposal it does not support ("not available"). */
  public static final String NA = "na";

  /** The initiator's request for the list of protocols the responder supports. */
  public static final String LS = "ls";

  private MultistreamProtocol() {}
}
