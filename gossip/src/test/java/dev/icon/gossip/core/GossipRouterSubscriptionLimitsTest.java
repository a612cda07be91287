package dev.icon.gossip.core;

import static dev.icon.gossip.core.Rpcs.subscribe;
import static dev.icon.gossip.core.Rpcs.unsubscribe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.gossip.core.InMemoryGossipNetwork.Node;
import dev.icon.gossip.router.GossipConfig;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bounds on remote subscriptions: per RPC, per peer and node-wide. */
class GossipRouterSubscriptionLimitsTest {
  private final RecordingListener events = new RecordingListener();

  private Node router(InMemoryGossipNetwork net) {
    return net.addRouter(o -> o, events, MessageValidation.ACCEPT_ALL, PeerExchange.NONE);
  }

  private static String[] topics(String prefix, int n) {
    return IntStream.range(0, n).mapToObj(i -> prefix + i).toArray(String[]::new);
  }

  @Test
  void onlyTheFirstMaxSubscriptionsPerRpcChangesOfAnRpcAreApplied() {
    InMemoryGossipNetwork net = new InMemoryGossipNetwork(
        GossipConfig.forTests().toBuilder().maxSubscriptionsPerRpc(2).build(), 1);
    Node r = router(net);
    Node ext = net.addExternal();
    net.connect(ext, r);

    ext.send(r, subscribe("a", "b", "c", "d"));
    net.pump();
    assertThat(r.router.topicPeers("a")).containsExactly(ext.id);
    assertThat(r.router.topicPeers("b")).containsExactly(ext.id);
    assertThat(r.router.topicPeers("c")).isEmpty();

    ext.send(r, subscribe("c"));
    net.pump();
    assertThat(r.router.topicPeers("c")).as("a later RPC is applied").containsExactly(ext.id);
  }

  @Test
  void aPeerIsTrackedInAtMostMaxTopicsPerPeerTopics() {
    InMemoryGossipNetwork net = new InMemoryGossipNetwork(
        GossipConfig.forTests().toBuilder().maxTopicsPerPeer(3).build(), 2);
    Node r = router(net);
    Node ext = net.addExternal();
    net.connect(ext, r);

    ext.send(r, subscribe(topics("t", 5)));
    net.pump();
    assertThat(events.named("subscribed")).hasSize(3);
    assertThat(r.router.topicPeers("t3")).isEmpty();

    ext.send(r, unsubscribe("t0"));
    ext.send(r, subscribe("t4"));
    net.pump();
    assertThat(r.router.topicPeers("t4")).as("room again after an unsubscribe")
        .containsExactly(ext.id);
  }

  @ParameterizedTest
  @ValueSource(longs = {3, 4, 5})
  void aFloodOfDistinctTopicsIsCappedNodeWideButOurTopicsAlwaysCount(long seed) {
    int cap = 50;
    InMemoryGossipNetwork net = new InMemoryGossipNetwork(GossipConfig.forTests().toBuilder()
        .maxTrackedTopics(cap).maxTopicsPerPeer(1000).build(), seed);
    Node r = router(net);
    r.router.subscribe("ours");
    Node[] flooders = new Node[10];
    for (int i = 0; i < flooders.length; i++) {
      flooders[i] = net.addExternal();
      net.connect(flooders[i], r);
      flooders[i].send(r, subscribe(topics("spam" + i + "-", 200)));
    }
    net.pump();
    assertThat(events.named("subscribed")).hasSize(cap);
    assertThat(r.router.topicPeers("spam0-0")).containsExactly(flooders[0].id);

    Node honest = net.addExternal();
    net.connect(honest, r);
    honest.send(r, subscribe("ours", "spam0-0", "brand-new"));
    net.pump();
    assertThat(r.router.topicPeers("ours")).as("our own topic is always tracked")
        .containsExactly(honest.id);
    assertThat(r.router.topicPeers("spam0-0")).as("an already tracked topic takes subscribers")
        .containsExactlyInAnyOrder(flooders[0].id, honest.id);
    assertThat(r.router.topicPeers("brand-new")).as("no new topic past the cap").isEmpty();

    net.disconnect(flooders[0], r);
    honest.send(r, subscribe("brand-new"));
    net.pump();
    assertThat(r.router.topicPeers("brand-new")).as("room again once topics are forgotten")
        .containsExactly(honest.id);
  }
}
