package dev.icon.overlay.noise;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The transport phase on two EmbeddedChannels sharing transport keys. */
class NoiseTransportHandlerTest {

  private EmbeddedChannel alice;
  private EmbeddedChannel bob;

  @BeforeEach
  void setUp() {
    byte[] k1 = new byte[32];
    byte[] k2 = new byte[32];
    new Random(1).nextBytes(k1);
    new Random(2).nextBytes(k2);
    alice = new EmbeddedChannel(new NoiseFrameCodec(),
        new NoiseTransportHandler(new CipherState(k1), new CipherState(k2), null));
    bob = new EmbeddedChannel(new NoiseFrameCodec(),
        new NoiseTransportHandler(new CipherState(k2), new CipherState(k1), null));
  }

  @AfterEach
  void tearDown() {
    alice.finishAndReleaseAll();
    bob.finishAndReleaseAll();
  }

  @Test
  void roundTripOfOneMebibyteIsChunkedIntoMaximalFrames() {
    byte[] data = new byte[1 << 20];
    new Random(3).nextBytes(data);
    ChannelFuture written = alice.writeAndFlush(Unpooled.wrappedBuffer(data));
    assertThat(written.isSuccess()).isTrue();

    int frames = 0;
    for (ByteBuf frame; (frame = alice.readOutbound()) != null; frames++) {
      assertThat(frame.readableBytes()).isLessThanOrEqualTo(2 + 65535);
      assertThat(frame.getUnsignedShort(frame.readerIndex())).isEqualTo(frame.readableBytes() - 2);
      bob.writeInbound(frame);
    }
    assertThat(frames).isEqualTo((data.length + 65518) / 65519);
    assertThat(received(bob)).isEqualTo(data);
  }

  @Test
  void smallWritesAreCoalescedOnFlush() {
    ChannelFuture a = alice.write(Unpooled.wrappedBuffer(new byte[] {1, 2}));
    ChannelFuture b = alice.write(Unpooled.wrappedBuffer(new byte[] {3}));
    assertThat(alice.<Object>readOutbound()).isNull();
    alice.flush();
    ByteBuf frame = alice.readOutbound();
    assertThat(alice.<Object>readOutbound()).isNull();
    assertThat(frame.readableBytes()).isEqualTo(2 + 3 + 16);
    assertThat(a.isSuccess() && b.isSuccess()).isTrue();
    bob.writeInbound(frame);
    assertThat(received(bob)).containsExactly(1, 2, 3);
  }

  @Test
  void bothDirectionsWork() {
    alice.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {7}));
    bob.writeInbound(alice.<Object>readOutbound());
    bob.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {8, 9}));
    alice.writeInbound(bob.<Object>readOutbound());
    assertThat(received(bob)).containsExactly(7);
    assertThat(received(alice)).containsExactly(8, 9);
  }

  @Test
  void tamperedCiphertextClosesTheConnection() {
    alice.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {1, 2, 3, 4}));
    ByteBuf frame = alice.readOutbound();
    frame.setByte(5, frame.getByte(5) ^ 1);
    bob.writeInbound(frame);
    assertThat(bob.isOpen()).isFalse();
    assertThat(bob.<Object>readInbound()).isNull();
  }

  @Test
  void replayedFrameClosesTheConnection() {
    alice.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {1}));
    ByteBuf frame = alice.readOutbound();
    bob.writeInbound(frame.retainedDuplicate());
    assertThat(received(bob)).containsExactly(1);
    bob.writeInbound(frame);
    assertThat(bob.isOpen()).isFalse();
  }

  @Test
  void frameShorterThanTagClosesTheConnection() {
    bob.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 3, 1, 2, 3}));
    assertThat(bob.isOpen()).isFalse();
  }

  @Test
  void garbageClosesTheConnection() {
    byte[] garbage = new byte[100];
    new Random(4).nextBytes(garbage);
    garbage[0] = 0;
    garbage[1] = 50;
    bob.writeInbound(Unpooled.wrappedBuffer(garbage));
    assertThat(bob.isOpen()).isFalse();
    assertThat(bob.<Object>readInbound()).isNull();
  }

  @Test
  void writesAfterFailureAreRejected() {
    bob.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 1, 0}));
    ChannelFuture f = bob.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {1}));
    assertThat(f.isSuccess()).isFalse();
  }

  private static byte[] received(EmbeddedChannel ch) {
    ByteBuf all = Unpooled.buffer();
    for (ByteBuf b; (b = ch.readInbound()) != null; ) {
      all.writeBytes(b);
      b.release();
    }
    byte[] out = new byte[all.readableBytes()];
    all.readBytes(out);
    all.release();
    return out;
  }
}
