package dev.icon.overlay.api;

import dev.icon.overlay.identity.PublicKey;
import dev.icon.overlay.multiaddr.Multiaddr;
import java.util.List;
import java.util.Optional;

/**
 * What a peer told us about itself via identify. Immutable.
 *
 * @param publicKey its identity key (verified against its peer id)
 * @param listenAddrs addresses it listens on
 * @param protocols protocol ids it serves
 * @param observedAddr our address as the peer sees it, if sent
 * @param agentVersion e.g. {@code icon/0.1.0}
 * @param protocolVersion e.g. {@code ipfs/0.1.0}
 */
public record PeerInfo(
    PublicKey publicKey,
    List<Multiaddr> listenAddrs,
    List<String> protocols,
    Optional<Multiaddr> observedAddr,
    String agentVersion,
    String protocolVersion) {

  /** Defensive copies. */
  public PeerInfo {
    listenAddrs = List.copyOf(listenAddrs);
    protocols = List.copyOf(protocols);
  }
}
