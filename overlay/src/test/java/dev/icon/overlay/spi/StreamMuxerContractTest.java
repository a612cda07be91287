package dev.icon.overlay.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link StreamMuxer} must do, on two connections linked in memory. An implementation's
 * test extends this class and supplies the muxer and a way to reset a stream.
 */
public abstract class StreamMuxerContractTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  /** A fresh muxer for one end of a connection. */
  protected abstract StreamMuxer newMuxer();

  /** Resets (aborts) {@code stream} the implementation's way. */
  protected abstract void reset(Channel stream);

  /** How the two ends are linked; in memory unless overridden. */
  protected MuxerPair.Transport transport() {
    return MuxerPair.Transport.LOCAL;
  }

  private MuxerPair pair(io.netty.channel.ChannelInitializer<Channel> clientInbound,
      io.netty.channel.ChannelInitializer<Channel> serverInbound) throws Exception {
    return new MuxerPair(transport(), newMuxer(), clientInbound, newMuxer(), serverInbound);
  }

  private static byte[] random(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  private static <T> T get(CompletableFuture<T> f) throws Exception {
    return f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  @Test
  void protocolIdLooksLikeAMultistreamId() {
    assertThat(newMuxer().protocolId()).startsWith("/");
  }

  @Test
  void clientOpensAndServerEchoes() throws Exception {
    try (MuxerPair p = pair(StreamHandlers.init(StreamHandlers.Echo::new),
        StreamHandlers.init(StreamHandlers.Echo::new))) {
      byte[] data = random(100_000, 1);
      StreamHandlers.Collect c = new StreamHandlers.Collect(data);
      Channel stream = get(p.client.openStream(StreamHandlers.init(() -> c)));
      assertThat(stream.parent()).isSameAs(p.client.connection());
      assertThat(get(c.done)).isEqualTo(data);
      get(c.closed);
      await().atMost(WAIT).until(() -> p.client.activeStreams() == 0 && p.server.activeStreams() == 0);
    }
  }

  @Test
  void serverOpensAndClientEchoes() throws Exception {
    try (MuxerPair p = pair(StreamHandlers.init(StreamHandlers.Echo::new),
        StreamHandlers.init(StreamHandlers.Echo::new))) {
      byte[] data = random(5_000, 2);
      StreamHandlers.Collect c = new StreamHandlers.Collect(data);
      get(p.server.openStream(StreamHandlers.init(() -> c)));
      assertThat(get(c.done)).isEqualTo(data);
    }
  }

  @Test
  void hundredConcurrentStreams() throws Exception {
    try (MuxerPair p = pair(StreamHandlers.init(StreamHandlers.Echo::new),
        StreamHandlers.init(StreamHandlers.Echo::new))) {
      List<byte[]> sent = new ArrayList<>();
      List<StreamHandlers.Collect> collectors = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        byte[] data = random(32 * 1024 + i, i);
        StreamHandlers.Collect c = new StreamHandlers.Collect(data);
        sent.add(data);
        collectors.add(c);
        p.client.openStream(StreamHandlers.init(() -> c));
      }
      for (int i = 0; i < 100; i++) {
        assertThat(get(collectors.get(i).done)).as("stream %d", i).isEqualTo(sent.get(i));
      }
      await().atMost(WAIT).until(() -> p.client.activeStreams() == 0 && p.server.activeStreams() == 0);
    }
  }

  @Test
  void halfClosedStreamStillCarriesTheResponse() throws Exception {
    // The server answers only after the client's FIN: proves the client's side still reads.
    try (MuxerPair p = pair(StreamHandlers.init(StreamHandlers.Echo::new),
        StreamHandlers.init(CountThenReply::new))) {
      StreamHandlers.Collect c = new StreamHandlers.Collect(random(70_000, 3));
      Channel stream = get(p.client.openStream(StreamHandlers.init(() -> c)));
      assertThat(new String(get(c.done), StandardCharsets.UTF_8)).isEqualTo("got 70000");
      await().atMost(WAIT).until(() -> !stream.isOpen());
    }
  }

  @Test
  void resetClosesBothEnds() throws Exception {
    StreamHandlers.Collect serverSide = new StreamHandlers.Collect();
    try (MuxerPair p = pair(StreamHandlers.init(StreamHandlers.Echo::new),
        StreamHandlers.init(() -> serverSide))) {
      StreamHandlers.Collect c = new StreamHandlers.Collect();
      Channel stream = get(p.client.openStream(StreamHandlers.init(() -> c)));
      stream.writeAndFlush(stream.alloc().buffer().writeBytes(new byte[] {1, 2, 3})).sync();
      await().atMost(WAIT).until(() -> p.server.activeStreams() == 1);
      reset(stream);
      get(serverSide.closed);
      get(c.closed);
      assertThat(stream.isOpen()).isFalse();
      await().atMost(WAIT).until(() -> p.client.activeStreams() == 0 && p.server.activeStreams() == 0);
    }
  }

  @Test
  void goAwayRefusesNewStreamsButLetsOpenOnesFinish() throws Exception {
    try (MuxerPair p = pair(StreamHandlers.init(StreamHandlers.Echo::new),
        StreamHandlers.init(StreamHandlers.Echo::new))) {
      StreamHandlers.Collect c = new StreamHandlers.Collect();
      Channel stream = get(p.client.openStream(StreamHandlers.init(() -> c)));
      CompletableFuture<Void> closed = p.client.goAway();
      assertThatThrownBy(() -> get(p.client.openStream(StreamHandlers.init(StreamHandlers.Echo::new))))
          .isInstanceOf(ExecutionException.class);
      await().atMost(WAIT).untilAsserted(() -> assertThatThrownBy(
          () -> get(p.server.openStream(StreamHandlers.init(StreamHandlers.Echo::new))))
          .isInstanceOf(ExecutionException.class));
      assertThat(closed).isNotDone();
      stream.writeAndFlush(stream.alloc().buffer().writeBytes(new byte[] {7, 8})).sync();
      ((DuplexChannel) stream).shutdownOutput().sync();
      assertThat(get(c.done)).containsExactly(7, 8);
      get(closed);
      assertThat(p.client.connection().isOpen()).isFalse();
    }
  }

  /** Counts the bytes of the request; after the remote's FIN answers "got N" and half-closes. */
  static final class CountThenReply extends ChannelInboundHandlerAdapter {
    private long count;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      count += ((ByteBuf) msg).readableBytes();
      ((ByteBuf) msg).release();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      if (evt instanceof ChannelInputShutdownEvent) {
        byte[] reply = ("got " + count).getBytes(StandardCharsets.UTF_8);
        ctx.writeAndFlush(ctx.alloc().buffer().writeBytes(reply));
        ((DuplexChannel) ctx.channel()).shutdownOutput();
      }
      ctx.fireUserEventTriggered(evt);
    }
  }
}
