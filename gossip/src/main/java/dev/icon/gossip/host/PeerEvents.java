package dev.icon.gossip.host;

import dev.icon.overlay.identity.PeerId;
import dev.icon.proto.libp2p.pubsub.RPC;
import java.net.InetAddress;
import java.util.List;

/**
 * What {@link PubsubStreams} reports to the router side. Called on Netty event loops; the
 * implementation hands each event to the router loop, which keeps their order.
 */
interface PeerEvents {

  /** A pubsub stream to {@code peer} exists (either direction), speaking {@code protocol}. */
  void peerUp(PeerId peer, boolean outbound, String protocol, InetAddress ip);

  /** The last connection to {@code peer} closed, or its outbound stream could not be reopened. */
  void peerDown(PeerId peer);

  /** An RPC arrived from {@code peer}. */
  void rpc(PeerId peer, RPC rpc);

  /** Several RPCs arrived from {@code peer} in one read, in order; by default one by one. */
  default void rpcs(PeerId peer, List<RPC> rpcs) {
    for (RPC r : rpcs) {
      rpc(peer, r);
    }
  }
}
