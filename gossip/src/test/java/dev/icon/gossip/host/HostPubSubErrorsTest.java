package dev.icon.gossip.host;

import static dev.icon.gossip.host.GossipNodes.awaitTopicPeer;
import static dev.icon.gossip.host.GossipNodes.connect;
import static dev.icon.gossip.host.GossipNodes.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.icon.gossip.api.GossipBuilder;
import dev.icon.gossip.api.GossipError;
import dev.icon.gossip.api.GossipException;
import dev.icon.gossip.api.PublishOutcome;
import dev.icon.gossip.host.GossipNodes.Node;
import dev.icon.gossip.router.GossipConfig;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.identity.PrivateKey;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HostPubSubErrorsTest {
  private final GossipNodes nodes = new GossipNodes();

  @AfterEach
  void stop() {
    nodes.close();
  }

  static GossipError errorOf(CompletableFuture<?> f) {
    try {
      f.get(20, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(GossipException.class);
      return ((GossipException) e.getCause()).error();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("the future succeeded");
  }

  @Test
  void publishWithoutSubscribedPeersFailsWithNoPeers() {
    Node a = nodes.start();
    Node b = nodes.start();
    connect(a, b);

    assertThat(errorOf(a.pubsub().publish("nobody", new byte[] {1}))).isEqualTo(GossipError.NO_PEERS);
  }

  @Test
  void publishToZeroPeersSucceedsWhenAllowed() {
    Node a = nodes.start(b -> b.allowPublishToZeroPeers(true));

    PublishOutcome out = get(a.pubsub().publish("nobody", new byte[] {1}));

    assertThat(out.recipients()).isZero();
  }

  @Test
  void oversizedPayloadFailsWithMessageTooLargeBeforeAnythingIsSent() {
    GossipConfig small = GossipConfig.forTests().toBuilder().maxMessageSize(1000).build();
    Node a = nodes.start(b -> b.config(small));
    Node b = nodes.start(x -> x.config(small));
    b.pubsub().subscribe("t", m -> {});
    connect(a, b);
    awaitTopicPeer(a, "t", b);

    assertThat(errorOf(a.pubsub().publish("t", new byte[1000])))
        .isEqualTo(GossipError.MESSAGE_TOO_LARGE);
    assertThat(get(a.pubsub().publish("t", new byte[700])).recipients()).isEqualTo(1);
  }

  @Test
  void everythingFailsWithClosedAfterClose() {
    Node a = nodes.start(b -> b.allowPublishToZeroPeers(true));
    a.pubsub().close();

    assertThat(errorOf(a.pubsub().publish("t", new byte[] {1}))).isEqualTo(GossipError.CLOSED);
    assertThat(errorOf(a.pubsub().meshPeers("t"))).isEqualTo(GossipError.CLOSED);
    assertThat(errorOf(a.pubsub().score(a.id()))).isEqualTo(GossipError.CLOSED);
    assertThatThrownBy(() -> a.pubsub().subscribe("t", m -> {}))
        .isInstanceOfSatisfying(GossipException.class,
            e -> assertThat(e.error()).isEqualTo(GossipError.CLOSED));
  }

  @Test
  void subscribingBeyondMaxTopicsFailsButMoreHandlersOnAKnownTopicAreFine() {
    Node a = nodes.start(b -> b.settings(withMaxTopics(b, 2)));
    a.pubsub().subscribe("one", m -> {});
    a.pubsub().subscribe("two", m -> {});

    assertThatThrownBy(() -> a.pubsub().subscribe("three", m -> {}))
        .isInstanceOfSatisfying(GossipException.class,
            e -> assertThat(e.error()).isEqualTo(GossipError.TOO_MANY_TOPICS));
    a.pubsub().subscribe("one", m -> {});
    assertThat(a.pubsub().topics()).containsExactlyInAnyOrder("one", "two");
  }

  private static dev.icon.gossip.api.GossipSettings withMaxTopics(GossipBuilder b, int max) {
    var s = b.settings();
    return new dev.icon.gossip.api.GossipSettings(s.config(), s.scoreParams(), s.thresholds(),
        s.signaturePolicy(), s.idFunction(), s.directPeers(), s.allowPublishToZeroPeers(),
        s.validationTimeout(), max, s.floodsub(), s.metricsPrefix());
  }

  @Test
  void buildingWithoutTheHostKeyIsAConfigurationError() {
    PrivateKey key = PrivateKey.generateEd25519();
    Host h = nodes.host(key);

    assertThatThrownBy(() -> GossipBuilder.on(h).build())
        .isInstanceOfSatisfying(GossipException.class,
            e -> assertThat(e.error()).isEqualTo(GossipError.INVALID_CONFIG));
    assertThatThrownBy(() -> GossipBuilder.on(h).identity(PrivateKey.generateEd25519()).build())
        .isInstanceOfSatisfying(GossipException.class,
            e -> assertThat(e.error()).isEqualTo(GossipError.INVALID_CONFIG));
    assertThat(h.protocols()).doesNotContain("/meshsub/1.2.0");
  }
}
