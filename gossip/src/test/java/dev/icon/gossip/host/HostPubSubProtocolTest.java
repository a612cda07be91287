package dev.icon.gossip.host;

import static dev.icon.gossip.host.GossipNodes.await;
import static dev.icon.gossip.host.GossipNodes.awaitTopicPeer;
import static dev.icon.gossip.host.GossipNodes.connect;
import static dev.icon.gossip.host.GossipNodes.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.gossip.host.GossipNodes.Inbox;
import dev.icon.gossip.host.GossipNodes.Node;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Older peers: a node offering only one of the fallback protocols still exchanges messages. */
class HostPubSubProtocolTest {
  private final GossipNodes nodes = new GossipNodes();

  @AfterEach
  void stop() {
    nodes.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/meshsub/1.1.0", "/meshsub/1.0.0", "/floodsub/1.0.0"})
  void aPeerSpeakingOnlyAnOlderProtocolExchangesMessagesBothWays(String protocol) {
    Node modern = nodes.start();
    Node old = nodes.startSpeaking(List.of(protocol));
    Inbox atModern = new Inbox();
    Inbox atOld = new Inbox();
    modern.pubsub().subscribe("t", atModern::add);
    old.pubsub().subscribe("t", atOld::add);
    connect(modern, old);
    awaitTopicPeer(modern, "t", old);
    awaitTopicPeer(old, "t", modern);

    assertThat(get(modern.pubsub().publish("t", "to old".getBytes())).recipients()).isEqualTo(1);
    get(old.pubsub().publish("t", "to modern".getBytes()));

    await().until(() -> atOld.texts().contains("to old") && atModern.texts().contains("to modern"));
    assertThat(old.host().protocols()).contains(protocol).doesNotContain("/meshsub/1.2.0");
  }

  @Test
  void floodsubCanBeTurnedOff() {
    Node a = nodes.start(b -> b.settings(withoutFloodsub(b.settings())));

    assertThat(a.host().protocols()).contains("/meshsub/1.2.0", "/meshsub/1.1.0", "/meshsub/1.0.0")
        .doesNotContain("/floodsub/1.0.0");
  }

  @Test
  void aPeerWithoutPubsubIsIgnoredQuietly() {
    Node a = nodes.start();
    var plain = nodes.host(dev.icon.overlay.identity.PrivateKey.generateEd25519());
    Node b = nodes.start();
    Inbox atB = new Inbox();
    b.pubsub().subscribe("t", atB::add);
    get(plain.dial(a.addr()));
    connect(a, b);
    awaitTopicPeer(a, "t", b);

    get(a.pubsub().publish("t", "hi".getBytes()));

    await().until(() -> atB.texts().contains("hi"));
    assertThat(((HostPubSub) a.pubsub()).peers()).containsExactly(b.id());
    assertThat(a.host().connections(plain.peerId())).isNotEmpty();
  }

  private static dev.icon.gossip.api.GossipSettings withoutFloodsub(
      dev.icon.gossip.api.GossipSettings s) {
    return new dev.icon.gossip.api.GossipSettings(s.config(), s.scoreParams(), s.thresholds(),
        s.signaturePolicy(), s.idFunction(), s.directPeers(), s.allowPublishToZeroPeers(),
        s.validationTimeout(), s.maxTopics(), false, s.metricsPrefix());
  }
}
