package dev.icon.tomography;

import dev.icon.gossip.api.GossipBuilder;
import dev.icon.gossip.api.PubSub;
import dev.icon.gossip.router.GossipConfig;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.api.HostConfig;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.tomography.map.MapConfig;
import dev.icon.tomography.map.TopologyMap;
import dev.icon.tomography.share.TopologySharing;
import dev.icon.tomography.share.TopologySharingConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * In-JVM observers that share their topology maps: each a real overlay host on 127.0.0.1 (port
 * 0) with real gossip and {@link TopologySharing} on {@code /icon/topology/1}. Their traceroutes
 * run wherever the test says (inside a namespace, by command prefix); only the gossip runs on the
 * host's loopback. Closes everything it started, in reverse order, even when a step fails.
 */
final class SharingObservers implements AutoCloseable {

  /** One observer. */
  record Observer(Host host, TopologyMap map, TopologySharing sharing) {}

  private final List<AutoCloseable> opened = new ArrayList<>();

  /** A new observer, listening and sharing ({@link TopologySharingConfig#forTests()}). */
  Observer start() {
    PrivateKey key = PrivateKey.generateEd25519();
    Host host = Host.builder().identity(key).config(HostConfig.forTests())
        .listen("/ip4/127.0.0.1/tcp/0").build();
    host.start().join();
    opened.add(() -> host.stop().get(20, TimeUnit.SECONDS));
    PubSub pubsub = GossipBuilder.on(host).identity(key).config(GossipConfig.forTests()).build();
    opened.add(pubsub);
    TopologyMap map = new TopologyMap(MapConfig.defaults(), Clock.systemUTC());
    TopologySharing sharing = new TopologySharing(pubsub, map, TopologySharingConfig.forTests())
        .start();
    opened.add(sharing);
    return new Observer(host, map, sharing);
  }

  /** Connects {@code a} to {@code b} over loopback. */
  static void connect(Observer a, Observer b) throws Exception {
    a.host().dial(b.host().dialAddrs().get(0)).get(20, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    for (int i = opened.size() - 1; i >= 0; i--) {
      try {
        opened.get(i).close();
      } catch (Exception e) {
        System.err.println("could not close " + opened.get(i) + ": " + e);
      }
    }
    opened.clear();
  }
}
