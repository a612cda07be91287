package dev.icon.gossip.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.icon.gossip.wire.GossipWireError;
import dev.icon.gossip.wire.GossipWireException;
import dev.icon.proto.libp2p.pubsub.Message;
import dev.icon.proto.libp2p.pubsub.RPC;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class RpcFrameDecoderTest {

  private static RPC rpc(int i, int size) {
    return RPC.newBuilder().addSubscriptions(RPC.SubOpts.newBuilder().setTopicid("t" + i)
        .setSubscribe(true)).addPublish(Message.newBuilder().setTopic("t")
        .setData(ByteString.copyFrom(new byte[size]))).build();
  }

  @RepeatedTest(20)
  void framesSplitAtRandomPointsDecodeToTheSameRpcs(RepetitionInfo info) {
    Random random = new Random(info.getCurrentRepetition());
    List<RPC> sent = new ArrayList<>();
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    for (int i = 0; i < 10; i++) {
      RPC r = rpc(i, random.nextInt(3000));
      sent.add(r);
      wire.writeBytes(RpcFragmenter.frame(r));
    }
    byte[] bytes = wire.toByteArray();
    RpcFrameDecoder decoder = new RpcFrameDecoder(4096);
    List<RPC> got = new ArrayList<>();
    long wireBytes = 0;
    for (int pos = 0; pos < bytes.length; ) {
      int n = Math.min(bytes.length - pos, 1 + random.nextInt(700));
      for (RpcFrameDecoder.Frame f : decoder.feed(ByteBuffer.wrap(bytes, pos, n))) {
        got.add(f.rpc());
        wireBytes += f.wireBytes();
      }
      pos += n;
    }
    assertThat(got).isEqualTo(sent);
    assertThat(wireBytes).isEqualTo(bytes.length);
  }

  @Test
  void aLengthAboveTheLimitFailsAsSoonAsThePrefixIsComplete() {
    RpcFrameDecoder decoder = new RpcFrameDecoder(100);
    byte[] frame = RpcFragmenter.frame(rpc(1, 200));

    assertThatThrownBy(() -> decoder.feed(ByteBuffer.wrap(frame, 0, 2)))
        .isInstanceOfSatisfying(GossipWireException.class,
            e -> assertThat(e.error()).isEqualTo(GossipWireError.OVERSIZED_RPC));
    assertThatThrownBy(() -> decoder.feed(ByteBuffer.wrap(new byte[] {0})))
        .isInstanceOf(GossipWireException.class);
  }

  @Test
  void malformedPrefixesAndBodiesAreRefused() {
    assertThatThrownBy(() -> new RpcFrameDecoder(100).feed(ByteBuffer.wrap(
        new byte[] {(byte) 0x81, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 1})))
        .isInstanceOfSatisfying(GossipWireException.class,
            e -> assertThat(e.error()).isEqualTo(GossipWireError.MALFORMED_LENGTH));
    assertThatThrownBy(() -> new RpcFrameDecoder(100).feed(ByteBuffer.wrap(
        new byte[] {(byte) 0x85, 0})))
        .isInstanceOfSatisfying(GossipWireException.class,
            e -> assertThat(e.error()).isEqualTo(GossipWireError.MALFORMED_LENGTH));
    assertThatThrownBy(() -> new RpcFrameDecoder(100).feed(ByteBuffer.wrap(
        new byte[] {2, (byte) 0xFF, (byte) 0xFF})))
        .isInstanceOfSatisfying(GossipWireException.class,
            e -> assertThat(e.error()).isEqualTo(GossipWireError.MALFORMED_RPC));
  }

  @Test
  void anEmptyFrameIsAnEmptyRpc() {
    assertThat(new RpcFrameDecoder(100).feed(ByteBuffer.wrap(new byte[] {0})))
        .extracting(RpcFrameDecoder.Frame::rpc).containsExactly(RPC.getDefaultInstance());
  }
}
