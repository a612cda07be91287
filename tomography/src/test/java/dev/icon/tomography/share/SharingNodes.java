package dev.icon.tomography.share;

import dev.icon.gossip.api.GossipBuilder;
import dev.icon.gossip.api.PubSub;
import dev.icon.gossip.router.GossipConfig;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.api.HostConfig;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.overlay.multiaddr.Multiaddr;
import dev.icon.tomography.map.MapConfig;
import dev.icon.tomography.map.TopologyMap;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * Real overlay hosts on 127.0.0.1 port 0 with real gossip, each with its own topology map and
 * (optionally) topology sharing; closes everything it started, in reverse order.
 */
final class SharingNodes implements AutoCloseable {

  /** One node. {@code sharing} is null for a raw publisher (a forger). */
  record Node(Host host, PubSub pubsub, TopologyMap map, TopologySharing sharing) {
    PeerId id() {
      return host.peerId();
    }

    Multiaddr addr() {
      return host.listenAddrs().get(0).withPeerId(host.peerId());
    }
  }

  private final List<AutoCloseable> opened = new ArrayList<>();

  /** A node with a map and sharing started ({@link TopologySharingConfig#forTests()}). */
  Node sharing() {
    Node raw = raw();
    TopologySharing s = new TopologySharing(raw.pubsub(), raw.map(),
        TopologySharingConfig.forTests()).start();
    opened.add(s);
    return new Node(raw.host(), raw.pubsub(), raw.map(), s);
  }

  /** A node with a map but no sharing: publishes whatever bytes a test gives it. */
  Node raw() {
    PrivateKey key = PrivateKey.generateEd25519();
    Host h = Host.builder().identity(key).config(HostConfig.forTests())
        .listen("/ip4/127.0.0.1/tcp/0").build();
    h.start().join();
    opened.add(() -> h.stop().get(20, TimeUnit.SECONDS));
    PubSub ps = GossipBuilder.on(h).identity(key).config(GossipConfig.forTests()).build();
    opened.add(ps);
    return new Node(h, ps, new TopologyMap(MapConfig.defaults(), Clock.systemUTC()), null);
  }

  static void connect(Node a, Node b) {
    get(a.host().dial(b.addr()));
  }

  static <T> T get(CompletableFuture<T> f) {
    try {
      return f.get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("future did not complete: " + e, e);
    }
  }

  static ConditionFactory await() {
    return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50));
  }

  @Override
  public void close() {
    for (int i = opened.size() - 1; i >= 0; i--) {
      try {
        opened.get(i).close();
      } catch (Exception e) {
        // keep closing the rest
      }
    }
  }
}
