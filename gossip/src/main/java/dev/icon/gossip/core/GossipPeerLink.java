package dev.icon.gossip.core;

import dev.icon.overlay.identity.PeerId;
import dev.icon.proto.libp2p.pubsub.RPC;

/**
 * The router's outbound seam: sends one RPC to a connected peer. The host binding implements it
 * by writing the RPC, length-prefixed, on the peer's outbound pubsub stream; tests implement it
 * with an in-memory queue.
 *
 * <p>Threading: called on the router's executor; implementations must not call back into the
 * router synchronously (enqueue instead). Delivery is best effort: an implementation may drop the
 * RPC if the peer is gone or its queue is full.
 */
@FunctionalInterface
public interface GossipPeerLink {

  /** Sends {@code rpc} to {@code peer}; never blocks. */
  void send(PeerId peer, RPC rpc);
}
