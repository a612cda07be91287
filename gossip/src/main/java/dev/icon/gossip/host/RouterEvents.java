package dev.icon.gossip.host;

import dev.icon.gossip.core.GossipRouter;
import dev.icon.overlay.identity.PeerId;
import dev.icon.proto.libp2p.pubsub.RPC;
import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Host-side events handed to the router loop in arrival order (the router is looked up when the
 * task runs, so it may be created after this object). Inbound RPCs waiting for the router are
 * bounded by {@link #MAX_QUEUED_RPCS}: beyond it an RPC is dropped and counted in
 * {@code rpc.dropped}, so peers sending faster than the router works cannot grow memory without
 * limit. Peer up/down events are never dropped. Thread-safe.
 */
final class RouterEvents implements PeerEvents {
  /** Inbound RPCs queued for the router thread at most. */
  static final int MAX_QUEUED_RPCS = 16_384;
  private final RouterLoop loop;
  private final Supplier<GossipRouter> router;
  private final GossipMetrics metrics;
  private final AtomicInteger queued = new AtomicInteger();

  RouterEvents(RouterLoop loop, Supplier<GossipRouter> router, GossipMetrics metrics) {
    this.loop = loop;
    this.router = router;
    this.metrics = metrics;
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
    if (queued.incrementAndGet() > MAX_QUEUED_RPCS) {
      queued.decrementAndGet();
      metrics.rpcsDropped.increment();
      return;
    }
    loop.execute(() -> {
      queued.decrementAndGet();
      router.get().handleRpc(peer, rpc);
    });
  }
}
