package dev.icon.gossip.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.icon.gossip.api.ValidationResult;
import dev.icon.gossip.router.GossipConfig;
import dev.icon.gossip.wire.MessageSigner;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.proto.libp2p.pubsub.RPC;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Verdicts completed on other threads, at any moment (including while the router is still
 * registering its callback), resume on the router's single-threaded executor: every message gets
 * exactly one verdict and the router is only ever touched by its own thread.
 */
class GossipRouterThreadedValidationTest {
  private static final String T = "t";
  private final ExecutorService loop = Executors.newSingleThreadExecutor();
  private final ExecutorService validators = Executors.newFixedThreadPool(3);

  @AfterEach
  void stop() {
    loop.shutdownNow();
    validators.shutdownNow();
  }

  @RepeatedTest(3)
  void verdictsFromOtherThreadsAreAppliedExactlyOnceOnTheRouterThread() throws Exception {
    int count = 400;
    Set<Thread> routerThreads = ConcurrentHashMap.newKeySet();
    List<String> delivered = new CopyOnWriteArrayList<>();
    List<String> rejected = new CopyOnWriteArrayList<>();
    SplittableRandom random = new SplittableRandom(9);
    MessageValidation v = m -> {
      ValidationResult r = m.data()[0] % 3 == 0 ? ValidationResult.REJECT : ValidationResult.ACCEPT;
      return m.data()[0] % 2 == 0
          ? CompletableFuture.completedFuture(r)
          : CompletableFuture.supplyAsync(() -> r, validators);
    };
    GossipRouterListener listener = new GossipRouterListener() {
      @Override
      public void rejected(String topic, PeerId from, String reason) {
        routerThreads.add(Thread.currentThread());
        rejected.add(reason);
      }
    };
    PrivateKey key = PrivateKey.generateEd25519(new SecureRandom());
    GossipRouter router = new GossipRouter(key,
        GossipRouterOptions.unscored(GossipConfig.forTests(), System::nanoTime, random),
        (to, rpc) -> { },
        (topic, msg, id, from) -> {
          routerThreads.add(Thread.currentThread());
          delivered.add(msg.getData().toStringUtf8());
        },
        new GossipRouterHooks(listener, v, PeerExchange.NONE, loop));
    PrivateKey peerKey = PrivateKey.generateEd25519(new SecureRandom());
    PeerId peer = peerKey.publicKey().peerId();
    MessageSigner signer = new MessageSigner(peerKey);
    loop.submit(() -> {
      router.subscribe(T);
      router.addPeer(peer, false, GossipProtocols.MESHSUB_V12);
    }).get();

    for (int i = 0; i < count; i++) {
      byte[] data = ("x" + i).getBytes(StandardCharsets.UTF_8);
      data[0] = (byte) i; // picks the verdict and sync/async; the rest keeps the payload unique
      RPC rpc = RPC.newBuilder().addPublish(signer.sign(T, data, i)).build();
      loop.execute(() -> router.handleRpc(peer, rpc));
    }

    long expectedRejects = IntStream.range(0, count)
        .filter(i -> ((byte) i) % 3 == 0).count();
    await().atMost(Duration.ofSeconds(20))
        .until(() -> delivered.size() + rejected.size() == count);
    assertThat(rejected).hasSize((int) expectedRejects).containsOnly("validation");
    assertThat(delivered).doesNotHaveDuplicates();
    assertThat(routerThreads).hasSize(1);
    assertThat(loop.submit(router::pendingValidations).get()).isZero();
  }
}
