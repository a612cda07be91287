package dev.icon.overlay.ping;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PingHandlerTest {

  @Test
  void initiatorAndResponderMeasureRtt() {
    AtomicLong nanos = new AtomicLong(1_000);
    PingInitiator init = new PingInitiator(new SplittableRandom(1), nanos::get);
    EmbeddedChannel client = new EmbeddedChannel(init);
    EmbeddedChannel server = new EmbeddedChannel(new PingResponder());
    ByteBuf payload = client.readOutbound();
    assertThat(payload.readableBytes()).isEqualTo(PingProtocol.PAYLOAD_SIZE);
    // deliver in two pieces to check reassembly on both sides
    server.writeInbound(payload.readRetainedSlice(10));
    server.writeInbound(payload);
    ByteBuf echo = server.readOutbound();
    nanos.addAndGet(5_000_000);
    client.writeInbound(echo.readRetainedSlice(31));
    assertThat(init.rtt()).isNotDone();
    client.writeInbound(echo);
    assertThat(init.rtt()).isCompletedWithValue(Duration.ofMillis(5));
    assertThat(client.isOpen()).isFalse();
    server.finishAndReleaseAll();
    client.finishAndReleaseAll();
  }

  @Test
  void wrongEchoFails() {
    PingInitiator init = new PingInitiator(new SplittableRandom(2), System::nanoTime);
    EmbeddedChannel client = new EmbeddedChannel(init);
    ByteBuf sent = client.readOutbound();
    sent.release();
    client.writeInbound(Unpooled.wrappedBuffer(new byte[PingProtocol.PAYLOAD_SIZE]));
    assertThat(init.rtt()).isCompletedExceptionally();
    assertThat(init.rtt().handle((v, e) -> ((PingException) e).error()).join()).isEqualTo(PingError.MISMATCH);
    client.finishAndReleaseAll();
  }

  @Test
  void closeBeforeEchoFails() {
    PingInitiator init = new PingInitiator(new SplittableRandom(3), System::nanoTime);
    EmbeddedChannel client = new EmbeddedChannel(init);
    client.close();
    assertThat(init.rtt().handle((v, e) -> ((PingException) e).error()).join()).isEqualTo(PingError.CLOSED);
    client.finishAndReleaseAll();
  }

  @Test
  void responderEchoesSeveralPayloads() {
    EmbeddedChannel server = new EmbeddedChannel(new PingResponder());
    byte[] two = new byte[64];
    for (int i = 0; i < two.length; i++) {
      two[i] = (byte) i;
    }
    server.writeInbound(Unpooled.wrappedBuffer(two));
    ByteBuf a = server.readOutbound();
    ByteBuf b = server.readOutbound();
    assertThat(a.getByte(0)).isEqualTo((byte) 0);
    assertThat(b.getByte(0)).isEqualTo((byte) 32);
    a.release();
    b.release();
    server.finishAndReleaseAll();
  }
}
