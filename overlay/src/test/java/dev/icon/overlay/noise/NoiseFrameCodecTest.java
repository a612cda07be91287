package dev.icon.overlay.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NoiseFrameCodecTest {

  @Test
  void splitsByteStreamIntoFramesAcrossReads() {
    EmbeddedChannel ch = new EmbeddedChannel(new NoiseFrameCodec());
    // frame "abc", empty frame, frame "xy", sent in awkward pieces
    ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {0}));
    ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {3, 'a', 'b'}));
    assertThat(ch.<Object>readInbound()).isNull();
    ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {'c', 0, 0, 0, 2, 'x', 'y'}));
    assertThat(readString(ch)).isEqualTo("abc");
    assertThat(readString(ch)).isEmpty();
    assertThat(readString(ch)).isEqualTo("xy");
    assertThat(ch.<Object>readInbound()).isNull();
    assertThat(ch.finishAndReleaseAll()).isFalse();
  }

  @Test
  void decodesMaximumLengthFrame() {
    EmbeddedChannel ch = new EmbeddedChannel(new NoiseFrameCodec());
    ByteBuf in = Unpooled.buffer(65537);
    in.writeShort(65535).writeZero(65535);
    ch.writeInbound(in);
    ByteBuf frame = ch.readInbound();
    assertThat(frame.readableBytes()).isEqualTo(65535);
    frame.release();
    assertThat(ch.finishAndReleaseAll()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 255, 256, 65535})
  void frameWritesBigEndianLength(int length) {
    ByteBuf frame = NoiseFrameCodec.frame(ByteBufAllocator.DEFAULT, new byte[length]);
    try {
      assertThat(frame.readableBytes()).isEqualTo(length + 2);
      assertThat(frame.getUnsignedShort(0)).isEqualTo(length);
    } finally {
      frame.release();
    }
  }

  @Test
  void oversizedMessageIsRejected() {
    assertThatThrownBy(() -> NoiseFrameCodec.frame(ByteBufAllocator.DEFAULT, new byte[65536]))
        .isInstanceOfSatisfying(NoiseException.class,
            e -> assertThat(e.error()).isEqualTo(NoiseError.FRAME_TOO_LARGE));
  }

  private static String readString(EmbeddedChannel ch) {
    ByteBuf buf = ch.readInbound();
    try {
      return buf.toString(java.nio.charset.StandardCharsets.US_ASCII);
    } finally {
      buf.release();
    }
  }
}
