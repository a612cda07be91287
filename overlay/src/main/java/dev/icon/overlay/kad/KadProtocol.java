package dev.icon.overlay.kad;

/** The Kademlia protocol id, served by {@link KadDht} in server mode. */
public final class KadProtocol {

  /** The libp2p Kademlia DHT protocol, as go and js-libp2p (Amino DHT) speak it. */
  public static final String ID = "/ipfs/kad/1.0.0";

  private KadProtocol() {}
}
