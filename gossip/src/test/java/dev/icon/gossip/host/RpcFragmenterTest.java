package dev.icon.gossip.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.icon.proto.libp2p.pubsub.ControlGraft;
import dev.icon.proto.libp2p.pubsub.ControlIHave;
import dev.icon.proto.libp2p.pubsub.ControlMessage;
import dev.icon.proto.libp2p.pubsub.ControlPrune;
import dev.icon.proto.libp2p.pubsub.Message;
import dev.icon.proto.libp2p.pubsub.RPC;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class RpcFragmenterTest {

  private static RPC big(Random random, int messages) {
    RPC.Builder b = RPC.newBuilder();
    for (int i = 0; i < 5; i++) {
      b.addSubscriptions(RPC.SubOpts.newBuilder().setTopicid("topic-" + i).setSubscribe(i % 2 == 0));
    }
    for (int i = 0; i < messages; i++) {
      b.addPublish(Message.newBuilder().setTopic("t").setSeqno(ByteString.copyFrom(new byte[8]))
          .setData(ByteString.copyFrom(new byte[random.nextInt(900)])));
    }
    ControlMessage.Builder c = ControlMessage.newBuilder();
    for (int i = 0; i < 20; i++) {
      ControlIHave.Builder ih = ControlIHave.newBuilder().setTopicID("t");
      for (int k = 0; k < random.nextInt(30); k++) {
        ih.addMessageIDs(ByteString.copyFrom(new byte[20]));
      }
      c.addIhave(ih);
      c.addGraft(ControlGraft.newBuilder().setTopicID("g" + i));
      c.addPrune(ControlPrune.newBuilder().setTopicID("p" + i).setBackoff(60));
    }
    return b.setControl(c).build();
  }

  @RepeatedTest(20)
  void fragmentsEachFitAndTogetherCarryEveryEntryInOrder(RepetitionInfo info) {
    Random random = new Random(info.getCurrentRepetition());
    RPC rpc = big(random, 30);
    int limit = 1000 + random.nextInt(3000);

    List<RPC> parts = RpcFragmenter.fragment(rpc, limit);

    assertThat(parts).allSatisfy(p -> assertThat(p.getSerializedSize()).isLessThanOrEqualTo(limit));
    RPC.Builder merged = RPC.newBuilder();
    ControlMessage.Builder control = ControlMessage.newBuilder();
    for (RPC p : parts) {
      merged.addAllSubscriptions(p.getSubscriptionsList()).addAllPublish(p.getPublishList());
      control.mergeFrom(p.getControl());
    }
    assertThat(merged.setControl(control).build()).isEqualTo(rpc);
  }

  @Test
  void anRpcThatFitsIsReturnedAsItIs() {
    RPC rpc = big(new Random(1), 1);

    assertThat(RpcFragmenter.fragment(rpc, rpc.getSerializedSize())).containsExactly(rpc);
  }

  @Test
  void anEntryLargerThanTheLimitIsDroppedAndTheRestStillSent() {
    RPC rpc = RPC.newBuilder()
        .addPublish(Message.newBuilder().setTopic("t").setData(ByteString.copyFrom(new byte[500])))
        .addPublish(Message.newBuilder().setTopic("t").setData(ByteString.copyFrom(new byte[50])))
        .build();

    List<RPC> parts = RpcFragmenter.fragment(rpc, 200);

    assertThat(parts).hasSize(1);
    assertThat(parts.get(0).getPublish(0).getData().size()).isEqualTo(50);
  }
}
