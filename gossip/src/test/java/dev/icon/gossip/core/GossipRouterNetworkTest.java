package dev.icon.gossip.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.gossip.core.InMemoryGossipNetwork.Node;
import dev.icon.gossip.router.GossipConfig;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Whole-router behaviour on the in-memory network: subscriptions, meshes, delivery, repair. */
class GossipRouterNetworkTest {

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void twoRoutersExchangeSubscriptionsAndAMessage() {
    InMemoryGossipNetwork net = new InMemoryGossipNetwork(GossipConfig.forTests(), 1);
    Node a = net.addRouter();
    Node b = net.addRouter();
    a.router.subscribe("t");
    net.connect(a, b);
    b.router.subscribe("t");
    net.pump();

    assertThat(a.router.topicPeers("t")).containsExactly(b.id);
    assertThat(b.router.topicPeers("t")).containsExactly(a.id);
    assertThat(b.router.meshPeers("t")).as("b joined before learning a's subscription").isEmpty();
    net.heartbeats(1);
    assertThat(b.router.meshPeers("t")).containsExactly(a.id);
    assertThat(a.router.meshPeers("t")).containsExactly(b.id);

    PublishResult result = b.router.publish("t", bytes("hello"));
    net.pump();

    assertThat(result.peers()).isEqualTo(1);
    assertThat(a.delivered).hasSize(1);
    assertThat(a.delivered.get(0).id()).isEqualTo(result.id());
    assertThat(a.delivered.get(0).from()).isEqualTo(b.id);
    assertThat(a.delivered.get(0).msg().getData().toStringUtf8()).isEqualTo("hello");
    assertThat(b.delivered).as("own messages are not delivered to self").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void twentyNodesBuildBoundedMeshesAndDeliverEveryMessageExactlyOnce(boolean floodPublish) {
    GossipConfig config = GossipConfig.forTests().toBuilder().floodPublish(floodPublish).build();
    InMemoryGossipNetwork net = new InMemoryGossipNetwork(config, 20);
    for (int i = 0; i < 20; i++) {
      net.addRouter();
    }
    net.connectRandomly(8);
    net.nodes.forEach(n -> n.router.subscribe("blocks"));
    net.pump();
    net.heartbeats(5);

    for (Node n : net.nodes) {
      assertThat(n.router.meshPeers("blocks").size())
          .as("mesh of %s", n).isBetween(config.dLow(), config.dHigh());
    }
    List<PublishResult> published = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Node author = net.nodes.get(i * 7 % 20);
      published.add(author.router.publish("blocks", bytes("block " + i)));
      net.pump();
    }
    net.heartbeats(4); // gossip rounds must not cause re-delivery
    for (int i = 0; i < published.size(); i++) {
      Node author = net.nodes.get(i * 7 % 20);
      for (Node n : net.nodes) {
        long expected = n == author ? 0 : 1;
        assertThat(n.deliveredCount(published.get(i).id()))
            .as("message %d at %s", i, n).isEqualTo(expected);
      }
    }
  }

  @Test
  void ihaveIwantRepairsAMessageMissedDuringAPartition() {
    GossipConfig config = GossipConfig.forTests().toBuilder()
        .d(1).dLow(1).dHigh(2).dScore(1).dOut(0).dLazy(3).build();
    InMemoryGossipNetwork net = new InMemoryGossipNetwork(config, 7);
    for (int i = 0; i < 4; i++) {
      net.addRouter();
    }
    for (int i = 0; i < 4; i++) {
      for (int j = i + 1; j < 4; j++) {
        net.connect(net.nodes.get(i), net.nodes.get(j));
      }
    }
    net.nodes.forEach(n -> n.router.subscribe("t"));
    net.pump();
    net.heartbeats(3);
    Node isolated = net.nodes.get(3);

    net.partition(Set.of(isolated));
    PublishResult result = net.nodes.get(0).router.publish("t", bytes("missed"));
    net.pump();
    assertThat(isolated.deliveredCount(result.id())).isZero();
    assertThat(net.dropped).isPositive();

    net.heal();
    net.heartbeats(config.mcacheGossip());

    assertThat(isolated.deliveredCount(result.id())).isEqualTo(1);
    for (Node n : net.nodes.subList(1, 4)) {
      assertThat(n.deliveredCount(result.id())).as("%s", n).isEqualTo(1);
    }
  }

  @Test
  void aDisconnectedMeshPeerIsReplacedAtTheNextHeartbeat() {
    GossipConfig config = GossipConfig.forTests().toBuilder()
        .d(2).dLow(2).dHigh(3).dScore(1).dOut(0).dLazy(2).build();
    InMemoryGossipNetwork net = new InMemoryGossipNetwork(config, 11);
    Node hub = net.addRouter();
    for (int i = 0; i < 5; i++) {
      net.connect(net.addRouter(), hub); // inbound at the hub: it caps them at dHigh
    }
    net.nodes.forEach(n -> n.router.subscribe("t"));
    net.pump();
    net.heartbeats(2);
    Set<dev.icon.overlay.identity.PeerId> before = hub.router.meshPeers("t");
    assertThat(before.size()).isBetween(2, 3);
    Node gone = net.nodes.stream().filter(n -> before.contains(n.id)).findFirst().orElseThrow();

    net.disconnect(hub, gone);
    assertThat(hub.router.meshPeers("t")).doesNotContain(gone.id);
    assertThat(hub.router.topicPeers("t")).doesNotContain(gone.id);
    // Spokes whose GRAFTs the full hub refused are backed off for pruneBackoff; let it elapse.
    net.clock.advance(config.pruneBackoff());
    net.heartbeats(1);

    assertThat(hub.router.meshPeers("t")).doesNotContain(gone.id).hasSizeBetween(2, 3);
  }

  @Test
  void floodsubPeersGetPublishedMessagesButNoMeshOrGossip() {
    InMemoryGossipNetwork net = new InMemoryGossipNetwork(GossipConfig.forTests(), 5);
    Node router = net.addRouter();
    Node legacy = net.addExternal();
    router.router.subscribe("t");
    net.connect(legacy, router, GossipProtocols.FLOODSUB);
    legacy.send(router, RPC_SUBSCRIBE_T);
    net.pump();
    net.heartbeats(2);
    assertThat(router.router.meshPeers("t")).isEmpty();

    router.router.publish("t", bytes("to everyone"));
    net.pump();
    net.heartbeats(2);

    assertThat(legacy.inbox.stream().mapToInt(dev.icon.proto.libp2p.pubsub.RPC::getPublishCount).sum())
        .isEqualTo(1);
    assertThat(legacy.inbox).noneMatch(dev.icon.proto.libp2p.pubsub.RPC::hasControl);
  }

  private static final dev.icon.proto.libp2p.pubsub.RPC RPC_SUBSCRIBE_T =
      dev.icon.proto.libp2p.pubsub.RPC.newBuilder().addSubscriptions(
          dev.icon.proto.libp2p.pubsub.RPC.SubOpts.newBuilder().setSubscribe(true).setTopicid("t"))
          .build();

  @Test
  void aSeededRunIsReproducible() {
    List<Integer> first = meshFingerprint(77);
    assertThat(first).as("mesh members mapped to node indexes").filteredOn(i -> i >= 0).hasSizeGreaterThan(12);
    assertThat(meshFingerprint(77)).isEqualTo(first);
  }

  private static List<Integer> meshFingerprint(long seed) {
    InMemoryGossipNetwork net = new InMemoryGossipNetwork(GossipConfig.forTests(), seed);
    for (int i = 0; i < 12; i++) {
      net.addRouter();
    }
    net.connectRandomly(5);
    net.nodes.forEach(n -> n.router.subscribe("t"));
    net.pump();
    net.heartbeats(4);
    List<Integer> out = new ArrayList<>();
    for (Node n : net.nodes) {
      List<dev.icon.overlay.identity.PeerId> ids = net.nodes.stream().map(x -> x.id).toList();
      n.router.meshPeers("t").stream().mapToInt(ids::indexOf).sorted().forEach(out::add);
      out.add(-1);
    }
    return out;
  }

  @Test
  void aSplitTwentyNodeNetworkRepairsBothHalvesAfterHeal() {
    GossipConfig config = GossipConfig.forTests();
    InMemoryGossipNetwork net = new InMemoryGossipNetwork(config, 2020);
    for (int i = 0; i < 20; i++) {
      net.addRouter();
    }
    net.connectRandomly(8);
    net.nodes.forEach(n -> n.router.subscribe("t"));
    net.pump();
    net.heartbeats(5);

    net.partition(Set.copyOf(net.nodes.subList(0, 10)));
    PublishResult left = net.nodes.get(0).router.publish("t", bytes("left"));
    PublishResult right = net.nodes.get(19).router.publish("t", bytes("right"));
    net.pump();
    assertThat(net.nodes.get(19).deliveredCount(left.id())).isZero();
    assertThat(net.nodes.get(0).deliveredCount(right.id())).isZero();

    net.heal();
    net.heartbeats(config.mcacheGossip());

    for (Node n : net.nodes) {
      assertThat(n.deliveredCount(left.id())).as("left at %s", n).isEqualTo(n == net.nodes.get(0) ? 0 : 1);
      assertThat(n.deliveredCount(right.id())).as("right at %s", n).isEqualTo(n == net.nodes.get(19) ? 0 : 1);
    }
  }
}
