package dev.icon.gossip.host;

import static dev.icon.gossip.host.GossipNodes.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.gossip.core.GossipRouter;
import dev.icon.gossip.core.GossipRouterOptions;
import dev.icon.gossip.router.GossipConfig;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.proto.libp2p.pubsub.RPC;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RouterEventsTest {

  @Test
  void rpcsBeyondTheQueueBoundAreDroppedAndCountedWhilePeerEventsStillQueue() throws Exception {
    RouterLoop loop = new RouterLoop("test-router");
    GossipMetrics metrics = new GossipMetrics(new SimpleMeterRegistry(), "t", "me");
    GossipRouter router = new GossipRouter(PrivateKey.generateEd25519(),
        GossipRouterOptions.unscored(GossipConfig.forTests(), System::nanoTime,
            new SplittableRandom(1)), (p, r) -> { }, (t, m, id, from) -> { });
    AtomicInteger lookups = new AtomicInteger();
    RouterEvents events = new RouterEvents(loop, () -> {
      lookups.incrementAndGet();
      return router;
    }, metrics);
    CountDownLatch release = new CountDownLatch(1);
    loop.execute(() -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    PeerId peer = PrivateKey.generateEd25519().publicKey().peerId();
    try {
      for (int i = 0; i < RouterEvents.MAX_QUEUED_RPCS + 10; i++) {
        events.rpc(peer, RPC.getDefaultInstance());
      }
      events.peerDown(peer);

      assertThat(metrics.rpcsDropped.count()).isEqualTo(10.0);
      release.countDown();
      await().until(() -> lookups.get() == RouterEvents.MAX_QUEUED_RPCS + 1);
      events.rpc(peer, RPC.getDefaultInstance());
      await().until(() -> lookups.get() == RouterEvents.MAX_QUEUED_RPCS + 2);
      assertThat(metrics.rpcsDropped.count()).isEqualTo(10.0);
    } finally {
      release.countDown();
      loop.shutdown();
    }
  }

  @Test
  void aReadWithMoreRpcsThanTheQueueHasRoomForDropsOnlyTheExcess() throws Exception {
    RouterLoop loop = new RouterLoop("test-router");
    GossipMetrics metrics = new GossipMetrics(new SimpleMeterRegistry(), "t", "me");
    AtomicInteger handled = new AtomicInteger();
    GossipRouter router = new GossipRouter(PrivateKey.generateEd25519(),
        GossipRouterOptions.unscored(GossipConfig.forTests(), System::nanoTime,
            new SplittableRandom(1)), (p, r) -> { }, (t, m, id, from) -> { });
    RouterEvents events = new RouterEvents(loop, () -> {
      handled.incrementAndGet();
      return router;
    }, metrics);
    CountDownLatch release = new CountDownLatch(1);
    loop.execute(() -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    PeerId peer = PrivateKey.generateEd25519().publicKey().peerId();
    try {
      events.rpcs(peer, java.util.Collections.nCopies(RouterEvents.MAX_QUEUED_RPCS - 5,
          RPC.getDefaultInstance()));
      events.rpcs(peer, java.util.Collections.nCopies(20, RPC.getDefaultInstance()));
      assertThat(metrics.rpcsDropped.count()).as("only the 15 beyond the bound").isEqualTo(15.0);
      release.countDown();
      await().until(() -> handled.get() == RouterEvents.MAX_QUEUED_RPCS);
      events.rpcs(peer, java.util.Collections.nCopies(3, RPC.getDefaultInstance()));
      await().until(() -> handled.get() == RouterEvents.MAX_QUEUED_RPCS + 3);
      assertThat(metrics.rpcsDropped.count()).isEqualTo(15.0);
    } finally {
      release.countDown();
      loop.shutdown();
    }
  }
}
