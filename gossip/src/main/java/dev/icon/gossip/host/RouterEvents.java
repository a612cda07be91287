package dev.icon.gossip.host;

import dev.icon.gossip.core.GossipRouter;
import dev.icon.overlay.identity.PeerId;
import dev.icon.proto.libp2p.pubsub.RPC;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Host-side events handed to the router loop in arrival order (the router is looked up when the
 * task runs, so it may be created after this object). Inbound RPCs waiting for the router are
 * bounded by {@link #MAX_QUEUED_RPCS}: beyond it an RPC is dropped and counted in
 * {@code rpc.dropped}, so peers sending faster than the router works cannot grow memory without
 * limit. The RPCs of one read are one router task. Peer up/down events are never dropped.
 * Thread-safe (callers for one stream are serial; the bound is approximate across streams).
 */
final class RouterEvents implements PeerEvents {
  /** Inbound RPCs queued for the router thread at most. */
  static final int MAX_QUEUED_RPCS = 16_384;
  private final RouterLoop loop;
  private final Supplier<GossipRouter> router;
  private final GossipMetrics metrics;
  private final AtomicInteger queued = new AtomicInteger();
  private final Consumer<PeerId> beforePeerRemoved;

  RouterEvents(RouterLoop loop, Supplier<GossipRouter> router, GossipMetrics metrics) {
    this(loop, router, metrics, p -> { });
  }

  /** As above; {@code beforePeerRemoved} runs on the router loop just before a peer is removed. */
  RouterEvents(RouterLoop loop, Supplier<GossipRouter> router, GossipMetrics metrics,
      Consumer<PeerId> beforePeerRemoved) {
    this.loop = loop;
    this.router = router;
    this.metrics = metrics;
    this.beforePeerRemoved = beforePeerRemoved;
  }

  @Override
  public void peerUp(PeerId peer, boolean outbound, String protocol, InetAddress ip) {
    loop.execute(() -> router.get().addPeer(peer, outbound, protocol, ip));
  }

  @Override
  public void peerDown(PeerId peer) {
    loop.execute(() -> {
      beforePeerRemoved.accept(peer);
      router.get().removePeer(peer);
    });
  }

  @Override
  public void rpc(PeerId peer, RPC rpc) {
    rpcs(peer, List.of(rpc));
  }

  /** Queues the RPCs of one read as one router task; those beyond the bound are dropped. */
  @Override
  public void rpcs(PeerId peer, List<RPC> rpcs) {
    int room = MAX_QUEUED_RPCS - queued.get();
    int take = Math.max(0, Math.min(room, rpcs.size()));
    if (take < rpcs.size()) {
      metrics.rpcsDropped.increment(rpcs.size() - take);
    }
    if (take == 0) {
      return;
    }
    List<RPC> batch = take == rpcs.size() ? rpcs : rpcs.subList(0, take);
    queued.addAndGet(take);
    loop.execute(() -> {
      for (RPC r : batch) {
        queued.decrementAndGet();
        router.get().handleRpc(peer, r);
      }
    });
  }
}
