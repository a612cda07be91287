package dev.icon.overlay.yamux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class YamuxCodecTest {
  private static final int MAX = 1024;

  static Stream<Arguments> headerFrames() {
    return Stream.of(
        Arguments.of(YamuxFrame.windowUpdate(1, YamuxFrame.SYN, 0), "000100010000000100000000"),
        Arguments.of(YamuxFrame.windowUpdate(2, YamuxFrame.ACK, 262144), "000100020000000200040000"),
        Arguments.of(YamuxFrame.windowUpdate(3, YamuxFrame.FIN, 0), "000100040000000300000000"),
        Arguments.of(YamuxFrame.windowUpdate(0xFFFFFFFF, YamuxFrame.RST, 0xFFFFFFFFL),
            "00010008ffffffffffffffff"),
        Arguments.of(YamuxFrame.ping(YamuxFrame.SYN, 0xDEADBEEFL), "0002000100000000deadbeef"),
        Arguments.of(YamuxFrame.ping(YamuxFrame.ACK, 7), "000200020000000000000007"),
        Arguments.of(YamuxFrame.goAway(YamuxProtocol.GO_AWAY_NORMAL), "000300000000000000000000"),
        Arguments.of(YamuxFrame.goAway(YamuxProtocol.GO_AWAY_PROTOCOL_ERROR), "000300000000000000000001"),
        Arguments.of(YamuxFrame.goAway(YamuxProtocol.GO_AWAY_INTERNAL_ERROR), "000300000000000000000002"),
        Arguments.of(new YamuxFrame(YamuxFrameType.WINDOW_UPDATE, 0x8000 | YamuxFrame.SYN
            | YamuxFrame.ACK, 5, 1, null), "000180030000000500000001"));
  }

  @ParameterizedTest
  @MethodSource("headerFrames")
  void headerOnlyFramesRoundTrip(YamuxFrame frame, String hex) {
    EmbeddedChannel ch = new EmbeddedChannel(new YamuxCodec(MAX));
    assertThat(ch.writeOutbound(frame)).isTrue();
    ByteBuf encoded = ch.readOutbound();
    assertThat(ByteBufUtil.hexDump(encoded)).isEqualTo(hex);
    assertThat(ch.writeInbound(encoded)).isTrue();
    YamuxFrame decoded = ch.readInbound();
    assertThat(decoded).isEqualTo(frame);
    assertThat(ch.finish()).isFalse();
  }

  @Test
  void dataFrameRoundTripsWithSynAndPayload() {
    EmbeddedChannel ch = new EmbeddedChannel(new YamuxCodec(MAX));
    ByteBuf payload = Unpooled.copiedBuffer("hello", StandardCharsets.UTF_8);
    ch.writeOutbound(YamuxFrame.data(1, YamuxFrame.SYN, payload));
    ByteBuf encoded = ch.readOutbound();
    assertThat(ByteBufUtil.hexDump(encoded)).isEqualTo("000000010000000100000005" + "68656c6c6f");
    ch.writeInbound(encoded);
    YamuxFrame decoded = ch.readInbound();
    try {
      assertThat(decoded.type()).isEqualTo(YamuxFrameType.DATA);
      assertThat(decoded.hasFlag(YamuxFrame.SYN)).isTrue();
      assertThat(decoded.data().toString(StandardCharsets.UTF_8)).isEqualTo("hello");
    } finally {
      decoded.release();
    }
    assertThat(ch.finish()).isFalse();
  }

  @Test
  void emptyDataFrameCarriesOnlyFlags() {
    EmbeddedChannel ch = new EmbeddedChannel(new YamuxCodec(MAX));
    ch.writeInbound(Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump("000000040000000700000000")));
    YamuxFrame f = ch.readInbound();
    assertThat(f.type()).isEqualTo(YamuxFrameType.DATA);
    assertThat(f.hasFlag(YamuxFrame.FIN)).isTrue();
    assertThat(f.length()).isZero();
    f.release();
    assertThat(ch.finish()).isFalse();
  }

  @Test
  void framesSplitAcrossReadsAreReassembled() {
    EmbeddedChannel ch = new EmbeddedChannel(new YamuxCodec(MAX));
    byte[] bytes = ByteBufUtil.decodeHexDump("000000000000000300000003" + "616263"
        + "000200010000000000000009");
    for (byte b : bytes) {
      ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
    }
    YamuxFrame data = ch.readInbound();
    assertThat(data.data().toString(StandardCharsets.US_ASCII)).isEqualTo("abc");
    data.release();
    YamuxFrame ping = ch.readInbound();
    assertThat(ping).isEqualTo(YamuxFrame.ping(YamuxFrame.SYN, 9));
    assertThat(ch.finish()).isFalse();
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("010100010000000100000000", YamuxError.MALFORMED_FRAME),
        Arguments.of("ff0000000000000100000000", YamuxError.MALFORMED_FRAME),
        Arguments.of("000400000000000000000000", YamuxError.MALFORMED_FRAME),
        Arguments.of("00ff00000000000000000000", YamuxError.MALFORMED_FRAME),
        Arguments.of("000000000000000100000401", YamuxError.FRAME_TOO_LARGE),
        Arguments.of("0000000000000001ffffffff", YamuxError.FRAME_TOO_LARGE));
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void malformedHeadersFailWithTheirErrorAndStopDecoding(String hex, YamuxError error) {
    EmbeddedChannel ch = new EmbeddedChannel(new YamuxCodec(MAX));
    ByteBuf in = Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(hex + "000200010000000000000001"));
    assertThatThrownBy(() -> ch.writeInbound(in))
        .isInstanceOfSatisfying(YamuxException.class, e -> {
          assertThat(e.error()).isEqualTo(error);
          assertThat(e.error().isConnectionError()).isTrue();
        });
    ch.writeInbound(Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump("000200010000000000000001")));
    Object next = ch.readInbound();
    assertThat(next).as("nothing decoded after the failure").isNull();
    assertThat(ch.finish()).isFalse();
  }

  @Test
  void frameOfExactlyTheMaximumIsAccepted() {
    EmbeddedChannel ch = new EmbeddedChannel(new YamuxCodec(MAX));
    ByteBuf in = Unpooled.buffer();
    in.writeBytes(ByteBufUtil.decodeHexDump("000000000000000100000400")).writeZero(MAX);
    ch.writeInbound(in);
    YamuxFrame f = ch.readInbound();
    assertThat(f.length()).isEqualTo(MAX);
    f.release();
    assertThat(ch.finish()).isFalse();
  }

  @Test
  void frameRecordRejectsInconsistentFields() {
    ByteBuf two = Unpooled.buffer().writeZero(2);
    try {
      assertThatThrownBy(() -> new YamuxFrame(YamuxFrameType.DATA, 0, 1, 3, two))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new YamuxFrame(YamuxFrameType.PING, 0, 0, 2, two))
          .isInstanceOf(IllegalArgumentException.class);
    } finally {
      two.release();
    }
    assertThatThrownBy(() -> YamuxFrame.windowUpdate(1, 0x10000, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> YamuxFrame.windowUpdate(1, 0, 1L << 32))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
