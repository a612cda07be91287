package dev.icon.market.negotiate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.icon.overlay.varint.Uvarint;
import dev.icon.proto.icon.negotiate.NegotiateFrame;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** {@link NegotiateCodec} on an {@link EmbeddedChannel}: framing, limits, errors, release. */
class NegotiateCodecTest {

  private static final int MAX = 1024;

  private final List<ByteBuf> inputs = new ArrayList<>();
  private final List<Throwable> errors = new ArrayList<>();
  private final EmbeddedChannel channel = new EmbeddedChannel(new NegotiateCodec(MAX),
      new ChannelInboundHandlerAdapter() {
        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
          errors.add(cause);
        }
      });

  @AfterEach
  void releaseAll() {
    channel.finishAndReleaseAll();
    assertThat(inputs).allSatisfy(b -> assertThat(b.refCnt()).isZero());
  }

  private static NegotiateFrame realRequest() {
    return new Fixture(3).consumer().open().orElseThrow();
  }

  private ByteBuf input(byte[] bytes) {
    ByteBuf buf = Unpooled.buffer(bytes.length).writeBytes(bytes);
    inputs.add(buf);
    return buf;
  }

  private static byte[] framed(byte[] body) {
    byte[] prefix = Uvarint.encode(body.length);
    byte[] out = new byte[prefix.length + body.length];
    System.arraycopy(prefix, 0, out, 0, prefix.length);
    System.arraycopy(body, 0, out, prefix.length, body.length);
    return out;
  }

  @Test
  void encodesLengthPrefixedFramesAndDecodesThemBack() {
    NegotiateFrame frame = realRequest();
    assertThat(channel.writeOutbound(frame)).isTrue();
    ByteBuf out = channel.readOutbound();
    byte[] wire = new byte[out.readableBytes()];
    out.readBytes(wire);
    out.release();
    assertThat(wire).isEqualTo(framed(frame.toByteArray()));
    channel.writeInbound(input(wire));
    assertThat((NegotiateFrame) channel.readInbound()).isEqualTo(frame);
    assertThat(errors).isEmpty();
  }

  @RepeatedTest(20)
  void decodesFramesSplitAtAnyPoint(RepetitionInfo info) {
    Random random = new Random(info.getCurrentRepetition());
    NegotiateFrame frame = realRequest();
    byte[] wire = framed(frame.toByteArray());
    byte[] two = new byte[wire.length * 2];
    System.arraycopy(wire, 0, two, 0, wire.length);
    System.arraycopy(wire, 0, two, wire.length, wire.length);
    int at = 0;
    while (at < two.length) {
      int n = 1 + random.nextInt(Math.min(40, two.length - at));
      byte[] piece = new byte[n];
      System.arraycopy(two, at, piece, 0, n);
      channel.writeInbound(input(piece));
      at += n;
    }
    assertThat((NegotiateFrame) channel.readInbound()).isEqualTo(frame);
    assertThat((NegotiateFrame) channel.readInbound()).isEqualTo(frame);
    assertThat(errors).isEmpty();
  }

  @Test
  void anOversizedLengthIsRefusedBeforeTheBodyArrivesAndClosesTheStream() {
    channel.writeInbound(input(Uvarint.encode(MAX + 1)));
    assertThat(errors).singleElement().isInstanceOfSatisfying(NegotiateException.class,
        e -> assertThat(e.error()).isEqualTo(NegotiateError.MALFORMED));
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void anUnparsableBodyIsRefusedAndLaterBytesAreDropped() {
    channel.writeInbound(input(framed(new byte[] {(byte) 0xff, (byte) 0xff, 0x00})));
    assertThat(errors).singleElement().isInstanceOfSatisfying(NegotiateException.class,
        e -> assertThat(e.error()).isEqualTo(NegotiateError.MALFORMED));
    assertThat((Object) channel.readInbound()).isNull();
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void aBadVarintIsRefused() {
    byte[] bad = new byte[11];
    java.util.Arrays.fill(bad, (byte) 0xff);
    channel.writeInbound(input(bad));
    assertThat(errors).singleElement().isInstanceOf(NegotiateException.class);
  }

  @Test
  void anOversizedOutboundFrameFailsItsWrite() {
    NegotiateFrame big = NegotiateFrame.newBuilder().setReject(
        dev.icon.proto.icon.negotiate.Reject.newBuilder().setDetail("x".repeat(MAX))).build();
    assertThatThrownBy(() -> channel.writeOutbound(big)).hasRootCauseInstanceOf(
        NegotiateException.class);
  }

  @Test
  void refusesANonPositiveLimit() {
    assertThatThrownBy(() -> new NegotiateCodec(0)).hasMessageContaining("maxFrameSize");
  }
}
