package dev.icon.gossip.host;

import dev.icon.gossip.core.GossipRouter;
import dev.icon.overlay.identity.PeerId;
import dev.icon.proto.libp2p.pubsub.RPC;
import java.net.InetAddress;
import java.util.function.Supplier;

/**
 * Host-side events handed to the router loop in arrival order (the router is looked up when the
 * task runs, so it may be created after this object). Thread-safe.
 */
final class RouterEvents implements PeerEvents {
  private final RouterLoop loop;
  private final Supplier<GossipRouter> router;

  RouterEvents(RouterLoop loop, Supplier<GossipRouter> router) {
    this.loop = loop;
    this.router = router;
  }

  @Override
  public void peerUp(PeerId peer, boolean outbound, String protocol, InetAddress ip) {
    loop.execute(() -> router.get().addPeer(peer, outbound, protocol, ip));
  }

  @Override
  public void peerDown(PeerId peer) {
    loop.execute(() -> router.get().removePeer(peer));
  }

  @Override
  public void rpc(PeerId peer, RPC rpc) {
    loop.execute(() -> router.get().handleRpc(peer, rpc));
  }
}
