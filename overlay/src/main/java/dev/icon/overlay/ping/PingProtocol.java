package dev.icon.overlay.ping;

/** {@code /ipfs/ping/1.0.0} (libp2p/specs ping/ping.md): 32 random bytes, echoed back. */
public final class PingProtocol {

  /** The protocol id. */
  public static final String ID = "/ipfs/ping/1.0.0";

  /** Size of one ping payload. */
  public static final int PAYLOAD_SIZE = 32;

  private PingProtocol() {}
}
