package dev.icon.gossip.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.proto.libp2p.pubsub.ControlGraft;
import dev.icon.proto.libp2p.pubsub.ControlIHave;
import dev.icon.proto.libp2p.pubsub.ControlIWant;
import dev.icon.proto.libp2p.pubsub.ControlMessage;
import dev.icon.proto.libp2p.pubsub.RPC;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class ControlMetricsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ControlMetrics metrics = new ControlMetrics(registry, "g", Tags.of("peer", "me"));
  private final PeerId remote = PrivateKey.generateEd25519().publicKey().peerId();

  private double count(String direction, String type) {
    var c = registry.find("g.control." + direction).tag("remote", remote.toBase58())
        .tag("type", type).counter();
    return c == null ? 0 : c.count();
  }

  @Test
  void countsControlEntriesAndTheirMessageIdsPerRemoteAndDirection() {
    ByteString id = ByteString.copyFromUtf8("id");
    RPC rpc = RPC.newBuilder().setControl(ControlMessage.newBuilder()
        .addIhave(ControlIHave.newBuilder().setTopicID("a").addMessageIDs(id).addMessageIDs(id))
        .addIhave(ControlIHave.newBuilder().setTopicID("b").addMessageIDs(id))
        .addIwant(ControlIWant.newBuilder().addMessageIDs(id))
        .addGraft(ControlGraft.newBuilder().setTopicID("a"))).build();

    metrics.count(remote, rpc, true);
    metrics.count(remote, rpc, true);
    metrics.count(remote, rpc, false);

    assertThat(count("sent", "ihave")).isEqualTo(4);
    assertThat(count("sent", "ihave_ids")).isEqualTo(6);
    assertThat(count("sent", "iwant")).isEqualTo(2);
    assertThat(count("sent", "graft")).isEqualTo(2);
    assertThat(count("received", "iwant_ids")).isEqualTo(1);
    assertThat(count("sent", "prune")).as("zero counts register no meter").isZero();
    assertThat(registry.find("g.control.sent").tag("type", "prune").counter()).isNull();
  }

  @Test
  void rpcsWithoutControlCountNothingAndCloseRemovesTheMeters() {
    metrics.count(remote, RPC.newBuilder().build(), false);
    assertThat(registry.getMeters()).isEmpty();
    metrics.count(remote, RPC.newBuilder().setControl(ControlMessage.newBuilder()
        .addGraft(ControlGraft.newBuilder().setTopicID("a"))).build(), false);
    assertThat(registry.getMeters()).hasSize(1);
    metrics.close();
    assertThat(registry.getMeters()).isEmpty();
  }
}
