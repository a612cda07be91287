package dev.icon.overlay.kad;

/**
 * The Kademlia protocol id. The host binding (next step: a stream handler serving requests, a
 * {@link KadQuerier} over streams) will live beside it.
 */
public final class KadProtocol {

  /** The libp2p Kademlia DHT protocol, as go and js-libp2p (Amino DHT) speak it. */
  public static final String ID = "/ipfs/kad/1.0.0";

  private KadProtocol() {}
}
