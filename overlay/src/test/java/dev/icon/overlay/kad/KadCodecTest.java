package dev.icon.overlay.kad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.icon.overlay.varint.Uvarint;
import dev.icon.proto.libp2p.kad.Message;
import dev.icon.proto.libp2p.kad.Record;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.EncoderException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link KadCodec} on an {@link EmbeddedChannel}: framing, wire bytes, limits, errors, release. */
class KadCodecTest {

  private static final int MAX = 1024;

  private final List<ByteBuf> inputs = new ArrayList<>();
  private final List<Throwable> errors = new ArrayList<>();
  private final EmbeddedChannel channel = new EmbeddedChannel(new KadCodec(MAX),
      new io.netty.channel.ChannelInboundHandlerAdapter() {
        @Override
        public void channelRead(io.netty.channel.ChannelHandlerContext ctx, Object msg) {
          ctx.fireChannelRead(msg);
        }

        @Override
        public void exceptionCaught(io.netty.channel.ChannelHandlerContext ctx, Throwable cause) {
          errors.add(cause);
        }
      });

  @AfterEach
  void releaseAndCheck() {
    channel.finishAndReleaseAll();
    assertThat(inputs).allSatisfy(b -> assertThat(b.refCnt()).isZero());
  }

  private static Message findNode(int keyBytes) {
    return Message.newBuilder().setType(Message.MessageType.FIND_NODE)
        .setKey(ByteString.copyFrom(new byte[keyBytes])).build();
  }

  private static byte[] framed(byte[] body) {
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

  private List<Message> readAll() {
    List<Message> out = new ArrayList<>();
    for (Object o; (o = channel.readInbound()) != null; ) {
      out.add((Message) o);
    }
    return out;
  }

  @Test
  void encodesLengthPrefixedAndDecodesBack() {
    Message message = Message.newBuilder().setType(Message.MessageType.PUT_VALUE)
        .setKey(ByteString.copyFromUtf8("/icon/x/y"))
        .setRecord(Record.newBuilder().setKey(ByteString.copyFromUtf8("/icon/x/y"))
            .setValue(ByteString.copyFromUtf8("v")))
        .addCloserPeers(Message.Peer.newBuilder().setId(ByteString.copyFrom(new byte[] {1}))
            .setConnection(Message.ConnectionType.CONNECTED))
        .build();
    assertThat(channel.writeOutbound(message)).isTrue();
    ByteBuf encoded = channel.readOutbound();
    inputs.add(encoded);
    byte[] bytes = new byte[encoded.readableBytes()];
    encoded.getBytes(encoded.readerIndex(), bytes);
    assertThat(bytes).isEqualTo(framed(message.toByteArray()));

    channel.writeInbound(encoded);
    assertThat(readAll()).containsExactly(message);
  }

  @Test
  void wireBytesFollowTheSpecFieldNumbers() {
    // type=FIND_NODE (field 1 varint 4), key=0x01 0x02 (field 2), clusterLevelRaw=0 omitted.
    Message message = Message.newBuilder().setType(Message.MessageType.FIND_NODE)
        .setKey(ByteString.copyFrom(new byte[] {1, 2}))
        .addCloserPeers(Message.Peer.newBuilder().setId(ByteString.copyFrom(new byte[] {9}))
            .addAddrs(ByteString.copyFrom(new byte[] {7})).setConnection(
                Message.ConnectionType.CAN_CONNECT))
        .addProviderPeers(Message.Peer.newBuilder().setId(ByteString.copyFrom(new byte[] {8})))
        .build();
    assertThat(HexFormat.of().formatHex(message.toByteArray()))
        .isEqualTo("0804" + "12020102" + "4208" + "0a0109" + "120107" + "1802" + "4a03" + "0a0108");
  }

  @Test
  void framesSplitAcrossReadsAndSeveralInOneRead() {
    byte[] one = framed(findNode(3).toByteArray());
    byte[] two = framed(findNode(5).toByteArray());
    byte[] both = new byte[one.length + two.length];
    System.arraycopy(one, 0, both, 0, one.length);
    System.arraycopy(two, 0, both, one.length, two.length);
    for (int cut = 1; cut < both.length; cut += 3) {
      channel.writeInbound(input(java.util.Arrays.copyOfRange(both, 0, cut)));
      channel.writeInbound(input(java.util.Arrays.copyOfRange(both, cut, both.length)));
      assertThat(readAll()).containsExactly(findNode(3), findNode(5));
    }
  }

  @Test
  void oversizedLengthIsRejectedBeforeTheBodyArrivesAndClosesTheStream() {
    channel.writeInbound(input(Uvarint.encode(MAX + 1)));
    assertThat(errors).singleElement().isInstanceOfSatisfying(KadException.class,
        e -> assertThat(e.error()).isEqualTo(KadError.OVERSIZED_MESSAGE));
    assertThat(channel.isOpen()).isFalse();
    assertThat(readAll()).isEmpty();
  }

  @Test
  void messageOfExactlyTheLimitPasses() {
    Message atLimit = findNode(MAX - 5);
    assertThat(atLimit.getSerializedSize()).isEqualTo(MAX);
    channel.writeInbound(input(framed(atLimit.toByteArray())));
    assertThat(readAll()).containsExactly(atLimit);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "varint longer than nine bytes, ffffffffffffffffffff01, MALFORMED_LENGTH",
      "truncated field, 03120501, MALFORMED_MESSAGE",
      "invalid wire type, 020f01, MALFORMED_MESSAGE",
  })
  void malformedInputIsAStreamErrorWithItsReason(String name, String hex, KadError expected) {
    byte[] bad = HexFormat.of().parseHex(hex);
    byte[] good = framed(findNode(1).toByteArray());
    byte[] both = new byte[bad.length + good.length];
    System.arraycopy(bad, 0, both, 0, bad.length);
    System.arraycopy(good, 0, both, bad.length, good.length);
    channel.writeInbound(input(both));
    assertThat(errors).singleElement().isInstanceOfSatisfying(KadException.class,
        e -> assertThat(e.error()).isEqualTo(expected));
    assertThat(channel.isOpen()).isFalse();
    // The valid frame after the bad one is discarded, not parsed.
    assertThat(readAll()).isEmpty();
  }

  @Test
  void oversizedOutboundMessageFailsTheWrite() {
    assertThatThrownBy(() -> channel.writeOutbound(findNode(MAX)))
        .isInstanceOf(EncoderException.class)
        .hasCauseInstanceOf(KadException.class);
    assertThatThrownBy(() -> KadCodec.frame(findNode(MAX), ByteBufAllocator.DEFAULT, MAX))
        .isInstanceOfSatisfying(KadException.class,
            e -> assertThat(e.error()).isEqualTo(KadError.OVERSIZED_MESSAGE));
  }

  @Test
  void frameProducesTheSameBytesAsTheEncoder() {
    ByteBuf frame = KadCodec.frame(findNode(10), ByteBufAllocator.DEFAULT, MAX);
    inputs.add(frame);
    byte[] bytes = new byte[frame.readableBytes()];
    frame.getBytes(0, bytes);
    assertThat(bytes).isEqualTo(framed(findNode(10).toByteArray()));
    frame.release();
  }

  @RepeatedTest(30)
  void randomBytesNeverEscapeAsAnythingButAKadException(RepetitionInfo info) {
    Random random = new Random(info.getCurrentRepetition());
    byte[] garbage = new byte[1 + random.nextInt(64)];
    random.nextBytes(garbage);
    channel.writeInbound(input(garbage));
    readAll();
    assertThat(errors).allSatisfy(e -> assertThat(e).isInstanceOf(KadException.class));
  }
}
