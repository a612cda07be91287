package dev.icon.gossip.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.icon.overlay.varint.Uvarint;
import dev.icon.proto.libp2p.pubsub.ControlIDontWant;
import dev.icon.proto.libp2p.pubsub.ControlMessage;
import dev.icon.proto.libp2p.pubsub.RPC;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.EncoderException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link RpcCodec} on an {@link EmbeddedChannel}: framing, limits, errors and buffer release. */
class RpcCodecTest {

  private final List<ByteBuf> inputs = new ArrayList<>();
  private EmbeddedChannel channel = new EmbeddedChannel(new RpcCodec());

  @AfterEach
  void releaseAndCheck() {
    channel.finishAndReleaseAll();
    assertThat(inputs).allSatisfy(b -> assertThat(b.refCnt()).isZero());
  }

  private static RPC subscribe(String topic) {
    return RPC.newBuilder()
        .addSubscriptions(RPC.SubOpts.newBuilder().setSubscribe(true).setTopicid(topic))
        .build();
  }

  private static RPC idontwant(int n) {
    return RPC.newBuilder().setControl(ControlMessage.newBuilder().addIdontwant(
        ControlIDontWant.newBuilder().addMessageIDs(ByteString.copyFrom(new byte[n])))).build();
  }

  private static byte[] framed(RPC rpc) {
    byte[] body = rpc.toByteArray();
    byte[] prefix = Uvarint.encode(body.length);
    byte[] out = new byte[prefix.length + body.length];
    System.arraycopy(prefix, 0, out, 0, prefix.length);
    System.arraycopy(body, 0, out, prefix.length, body.length);
    return out;
  }

  private ByteBuf input(byte[] bytes) {
    ByteBuf buf = Unpooled.buffer(bytes.length).writeBytes(bytes);
    inputs.add(buf);
    return buf;
  }

  private List<RPC> readAll() {
    List<RPC> out = new ArrayList<>();
    for (Object o; (o = channel.readInbound()) != null; ) {
      out.add((RPC) o);
    }
    return out;
  }

  @Test
  void encodesLengthPrefixedAndDecodesBack() {
    RPC rpc = subscribe("blocks");
    assertThat(channel.writeOutbound(rpc)).isTrue();
    ByteBuf encoded = channel.readOutbound();
    byte[] bytes = new byte[encoded.readableBytes()];
    encoded.getBytes(encoded.readerIndex(), bytes);

    assertThat(bytes).isEqualTo(framed(rpc));
    channel.writeInbound(encoded);
    inputs.add(encoded);
    assertThat(readAll()).containsExactly(rpc);
  }

  @Test
  void staticFrameMatchesTheEncoder() {
    RPC rpc = idontwant(300);
    ByteBuf frame = RpcCodec.frame(rpc, ByteBufAllocator.DEFAULT, RpcCodec.DEFAULT_MAX_RPC_SIZE);
    try {
      byte[] bytes = new byte[frame.readableBytes()];
      frame.getBytes(frame.readerIndex(), bytes);
      assertThat(bytes).isEqualTo(framed(rpc));
    } finally {
      frame.release();
    }
  }

  @Test
  void decodesRpcsSplitByteByByte() {
    byte[] stream = concat(framed(subscribe("a")), framed(idontwant(200)));
    for (byte b : stream) {
      channel.writeInbound(input(new byte[] {b}));
    }
    assertThat(readAll()).containsExactly(subscribe("a"), idontwant(200));
  }

  @Test
  void decodesSeveralRpcsInOneRead() {
    byte[] stream = concat(framed(subscribe("a")), framed(RPC.getDefaultInstance()),
        framed(subscribe("b")));
    channel.writeInbound(input(stream));
    assertThat(readAll())
        .containsExactly(subscribe("a"), RPC.getDefaultInstance(), subscribe("b"));
  }

  @Test
  void rejectsOversizedLengthBeforeTheBodyArrives() {
    channel = new EmbeddedChannel(new RpcCodec(100));
    ByteBuf prefixOnly = input(Uvarint.encode(101));

    assertThatThrownBy(() -> channel.writeInbound(prefixOnly))
        .isInstanceOfSatisfying(GossipWireException.class,
            e -> assertThat(e.error()).isEqualTo(GossipWireError.OVERSIZED_RPC));
    assertThat(channel.isOpen()).isFalse();
    assertThat(readAll()).isEmpty();
  }

  @Test
  void acceptsAnRpcOfExactlyTheLimit() {
    RPC rpc = idontwant(10);
    channel = new EmbeddedChannel(new RpcCodec(rpc.getSerializedSize()));
    channel.writeInbound(input(framed(rpc)));
    assertThat(readAll()).containsExactly(rpc);
  }

  @Test
  void rejectsAnOverlongVarint() {
    byte[] tenBytes = {-1, -1, -1, -1, -1, -1, -1, -1, -1, 1};
    assertThatThrownBy(() -> channel.writeInbound(input(tenBytes)))
        .isInstanceOfSatisfying(GossipWireException.class,
            e -> assertThat(e.error()).isEqualTo(GossipWireError.MALFORMED_LENGTH));
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void rejectsANonMinimalVarint() {
    assertThatThrownBy(() -> channel.writeInbound(input(new byte[] {(byte) 0x81, 0x00})))
        .isInstanceOfSatisfying(GossipWireException.class,
            e -> assertThat(e.error()).isEqualTo(GossipWireError.MALFORMED_LENGTH));
  }

  @Test
  void deliversGoodRpcsThenClosesOnGarbageProtobuf() {
    byte[] garbage = {3, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
    byte[] stream = concat(framed(subscribe("a")), garbage, framed(subscribe("never")));

    assertThatThrownBy(() -> channel.writeInbound(input(stream)))
        .isInstanceOfSatisfying(GossipWireException.class,
            e -> assertThat(e.error()).isEqualTo(GossipWireError.MALFORMED_RPC));
    assertThat(readAll()).containsExactly(subscribe("a"));
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void refusesToSendAnOversizedRpc() {
    channel = new EmbeddedChannel(new RpcCodec(50));
    assertThatThrownBy(() -> channel.writeOutbound(idontwant(100)))
        .isInstanceOf(EncoderException.class)
        .cause()
        .isInstanceOfSatisfying(GossipWireException.class,
            e -> assertThat(e.error()).isEqualTo(GossipWireError.OVERSIZED_RPC));
    assertThat((Object) channel.readOutbound()).isNull();
  }

  @Test
  void passesPreFramedBuffersThrough() {
    ByteBuf frame = RpcCodec.frame(subscribe("x"), ByteBufAllocator.DEFAULT, 1000);
    channel.writeOutbound(frame);
    ByteBuf written = channel.readOutbound();
    assertThat(written).isSameAs(frame);
    written.release();
  }

  @Test
  void rejectsANonPositiveLimit() {
    assertThatThrownBy(() -> new RpcCodec(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxRpcSize");
  }

  static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int i = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, i, p.length);
      i += p.length;
    }
    return out;
  }
}
