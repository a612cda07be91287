package dev.icon.overlay.identify;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.icon.proto.libp2p.identify.Identify;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class IdentifyReceiverTest {

  private static Identify sample() {
    return Identify.newBuilder()
        .setProtocolVersion(IdentifyProtocol.PROTOCOL_VERSION)
        .setAgentVersion("icon/test")
        .setPublicKey(ByteString.copyFrom(new byte[] {8, 1, 18, 0}))
        .addProtocols("/ipfs/ping/1.0.0")
        .build();
  }

  @Test
  void codecRoundTripsAndWaitsForCompleteMessage() {
    ByteBuf framed = IdentifyCodec.encode(ByteBufAllocator.DEFAULT, sample());
    ByteBuf part = framed.retainedSlice(0, framed.readableBytes() - 1);
    try {
      assertThat(IdentifyCodec.decode(part, 8192)).isNull();
      assertThat(part.readerIndex()).isZero();
      assertThat(IdentifyCodec.decode(framed, 8192)).isEqualTo(sample());
      assertThat(framed.isReadable()).isFalse();
    } finally {
      part.release();
      framed.release();
    }
  }

  @Test
  void receiverMergesChunkedMessagesUntilEndOfStream() {
    IdentifyReceiver r = new IdentifyReceiver(8192);
    EmbeddedChannel ch = new EmbeddedChannel(r);
    ch.writeInbound(IdentifyCodec.encode(ch.alloc(), sample()));
    Identify second = Identify.newBuilder().setSignedPeerRecord(ByteString.copyFromUtf8("rec")).build();
    ch.writeInbound(IdentifyCodec.encode(ch.alloc(), second));
    assertThat(r.received()).isNotDone();
    ch.pipeline().fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);
    Identify got = r.received().join();
    assertThat(got.getAgentVersion()).isEqualTo("icon/test");
    assertThat(got.getSignedPeerRecord().toStringUtf8()).isEqualTo("rec");
    assertThat(ch.isOpen()).isFalse();
    ch.finishAndReleaseAll();
  }

  @Test
  void oversizedMessageFailsStream() {
    IdentifyReceiver r = new IdentifyReceiver(16);
    EmbeddedChannel ch = new EmbeddedChannel(r);
    ch.writeInbound(IdentifyCodec.encode(ch.alloc(), sample()));
    assertThat(r.received().handle((v, e) -> ((IdentifyException) e).error()).join())
        .isEqualTo(IdentifyError.MESSAGE_TOO_LARGE);
    assertThat(ch.isOpen()).isFalse();
    ch.finishAndReleaseAll();
  }

  @Test
  void truncatedMessageAtEndOfStreamFails() {
    IdentifyReceiver r = new IdentifyReceiver(8192);
    EmbeddedChannel ch = new EmbeddedChannel(r);
    ByteBuf framed = IdentifyCodec.encode(ch.alloc(), sample());
    ch.writeInbound(framed.retainedSlice(0, 5));
    framed.release();
    ch.close();
    assertThat(r.received().handle((v, e) -> ((IdentifyException) e).error()).join())
        .isEqualTo(IdentifyError.CLOSED_EARLY);
    ch.finishAndReleaseAll();
  }

  @Test
  void garbageFailsAsMalformed() {
    IdentifyReceiver r = new IdentifyReceiver(8192);
    EmbeddedChannel ch = new EmbeddedChannel(r);
    ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {3, (byte) 0xff, (byte) 0xff, (byte) 0xff}));
    assertThat(r.received().handle((v, e) -> ((IdentifyException) e).error()).join())
        .isEqualTo(IdentifyError.MALFORMED);
    ch.finishAndReleaseAll();
  }

  @Property(tries = 2000)
  void arbitraryBytesDecodeOrThrowOwnException(@ForAll @Size(max = 80) byte[] bytes) {
    ByteBuf in = Unpooled.wrappedBuffer(bytes);
    try {
      while (IdentifyCodec.decode(in, 64) != null) {
        // keep going
      }
    } catch (IdentifyException expected) {
      assertThat(expected.error()).isIn(IdentifyError.MALFORMED, IdentifyError.MESSAGE_TOO_LARGE);
    } finally {
      in.release();
    }
  }
}
