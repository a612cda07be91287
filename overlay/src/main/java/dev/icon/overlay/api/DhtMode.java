package dev.icon.overlay.api;

/**
 * How a host takes part in the Kademlia DHT ({@code /ipfs/kad/1.0.0}).
 */
public enum DhtMode {
  /**
   * Queries the DHT but does not serve it: the protocol is not registered, so identify does not
   * advertise it and other peers do not add this host to their routing tables.
   */
  CLIENT,
  /** Queries and serves: registers the protocol handler, stores records and provider records. */
  SERVER
}
