package dev.icon.gossip.host;

import static dev.icon.gossip.host.GossipNodes.await;
import static dev.icon.gossip.host.GossipNodes.awaitTopicPeer;
import static dev.icon.gossip.host.GossipNodes.connect;
import static dev.icon.gossip.host.GossipNodes.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.gossip.host.GossipNodes.Inbox;
import dev.icon.gossip.host.GossipNodes.Node;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.api.Stream;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.overlay.varint.Uvarint;
import java.util.List;
import java.util.stream.Stream.Builder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad frames on a raw /meshsub/1.1.0 stream: the stream is reset, the node carries on. */
class HostPubSubRobustnessTest {
  private final GossipNodes nodes = new GossipNodes();
  private Node victim;
  private Node honest;
  private Host attacker;
  private final Inbox atHonest = new Inbox();
  private final Inbox atVictim = new Inbox();

  @BeforeEach
  void setUp() {
    victim = nodes.start();
    honest = nodes.start();
    attacker = nodes.host(PrivateKey.generateEd25519());
    victim.pubsub().subscribe("t", atVictim::add);
    honest.pubsub().subscribe("t", atHonest::add);
    connect(victim, honest);
    awaitTopicPeer(victim, "t", honest);
  }

  @AfterEach
  void stop() {
    nodes.close();
  }

  static java.util.stream.Stream<Arguments> badFrames() {
    Builder<Arguments> b = java.util.stream.Stream.builder();
    byte[] prefix = Uvarint.encode(5);
    byte[] garbage = new byte[prefix.length + 5];
    System.arraycopy(prefix, 0, garbage, 0, prefix.length);
    for (int i = prefix.length; i < garbage.length; i++) {
      garbage[i] = (byte) 0xFF; // field 31, wire type 7: not protobuf
    }
    b.add(Arguments.of("unparsable protobuf", garbage));
    b.add(Arguments.of("oversized length", Uvarint.encode(64L << 20)));
    b.add(Arguments.of("overlong varint", new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0x80,
        (byte) 0x80, (byte) 0x80, (byte) 0x80}));
    return b.build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFrames")
  void aBadFrameResetsOnlyThatStreamAndIsCounted(String what, byte[] frame) {
    get(attacker.dial(victim.addr()));
    Stream raw = get(attacker.newStream(victim.id(), List.of("/meshsub/1.1.0")));

    raw.write(frame);

    await().until(() -> raw.closeFuture().isDone());
    await().until(() -> victim.meter("icon.gossip.frames.malformed") == 1.0);
    get(victim.pubsub().publish("t", "still here".getBytes()));
    get(honest.pubsub().publish("t", "me too".getBytes()));
    await().until(() -> atHonest.texts().contains("still here")
        && atVictim.texts().contains("me too"));
    assertThat(victim.host().connections(honest.id())).isNotEmpty();
  }
}
