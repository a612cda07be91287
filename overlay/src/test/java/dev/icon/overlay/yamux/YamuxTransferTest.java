package dev.icon.overlay.yamux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.overlay.spi.MuxerPair;
import dev.icon.overlay.spi.StreamHandlers;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Flow control, backpressure, auto-tuning and ping on two sessions linked in memory. */
class YamuxTransferTest {
  private static final int KIB = 1024;
  private static final int MIB = 1024 * KIB;

  private static YamuxConfig.Builder config() {
    return YamuxConfig.builder().keepAliveInterval(Duration.ZERO);
  }

  /** Writes {@code total} bytes in 64 KiB buffers, only while the stream is writable, then FIN. */
  static final class Writer extends ChannelInboundHandlerAdapter {
    final CompletableFuture<Void> finished = new CompletableFuture<>();
    long maxStreamPending;
    long maxConnectionPending;
    private final long total;
    private long written;

    Writer(long total) {
      this.total = total;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      pump(ctx);
      ctx.fireChannelActive();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
      pump(ctx);
      ctx.fireChannelWritabilityChanged();
    }

    private void pump(ChannelHandlerContext ctx) {
      Channel ch = ctx.channel();
      while (written < total && ch.isWritable()) {
        int n = (int) Math.min(64 * KIB, total - written);
        ByteBuf buf = ctx.alloc().buffer(n).writeZero(n);
        written += n;
        ctx.writeAndFlush(buf);
        maxStreamPending = Math.max(maxStreamPending,
            ch.unsafe().outboundBuffer().totalPendingWriteBytes());
        maxConnectionPending = Math.max(maxConnectionPending,
            ch.parent().unsafe().outboundBuffer().totalPendingWriteBytes());
      }
      if (written == total && !finished.isDone()) {
        ((DuplexChannel) ch).shutdownOutput().addListener(f -> finished.complete(null));
      }
    }
  }

  /** Reads with autoRead off, one read() every 100 µs, checking the unacknowledged bytes. */
  static final class SlowReader extends ChannelInboundHandlerAdapter {
    final CompletableFuture<Long> done = new CompletableFuture<>();
    final AtomicReference<YamuxStreamChannel> sender = new AtomicReference<>();
    long consumed;
    long maxUnconsumed;
    long maxBuffered;
    long maxWindow;

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
      ctx.channel().config().setAutoRead(false);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      ctx.read();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      consumed += ((ByteBuf) msg).readableBytes();
      ((ByteBuf) msg).release();
      check(ctx);
    }

    private void check(ChannelHandlerContext ctx) {
      YamuxStreamChannel me = (YamuxStreamChannel) ctx.channel();
      YamuxStreamChannel s = sender.get();
      if (s != null) {
        maxUnconsumed = Math.max(maxUnconsumed, s.sentBytes() - consumed);
      }
      maxBuffered = Math.max(maxBuffered, me.bufferedBytes());
      maxWindow = Math.max(maxWindow, me.receiveWindowSize());
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      check(ctx);
      ctx.executor().schedule(() -> {
        ctx.read();
      }, 100, TimeUnit.MICROSECONDS);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      if (evt instanceof ChannelInputShutdownEvent) {
        done.complete(consumed);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(MuxerPair.Transport.class)
  void sixtyFourMibToASlowReaderNeverExceedsTheWindow(MuxerPair.Transport transport)
      throws Exception {
    SlowReader reader = new SlowReader();
    YamuxConfig fixed = config().maxStreamWindow(YamuxProtocol.INITIAL_WINDOW).build();
    long total = 64L * MIB;
    try (MuxerPair p = new MuxerPair(transport, new YamuxMuxer(fixed),
        StreamHandlers.init(StreamHandlers.Echo::new), new YamuxMuxer(fixed),
        StreamHandlers.init(() -> reader))) {
      Writer writer = new Writer(total);
      CompletableFuture<Channel> opened = p.client.openStream(StreamHandlers.init(() -> writer));
      reader.sender.set((YamuxStreamChannel) opened.get(5, TimeUnit.SECONDS));
      assertThat(reader.done.get(60, TimeUnit.SECONDS)).isEqualTo(total);
      writer.finished.get(5, TimeUnit.SECONDS);
      assertThat(reader.maxUnconsumed).as("sent but not yet read, bytes")
          .isPositive().isLessThanOrEqualTo(YamuxProtocol.INITIAL_WINDOW);
      assertThat(reader.maxBuffered).isLessThanOrEqualTo(YamuxProtocol.INITIAL_WINDOW);
      assertThat(reader.maxWindow).isEqualTo(YamuxProtocol.INITIAL_WINDOW);
      // The writer honours isWritable(): its stream buffer stays near the high water mark.
      assertThat(writer.maxStreamPending).isLessThanOrEqualTo(64 * KIB + 64 * KIB);
      assertThat(writer.maxConnectionPending).isLessThanOrEqualTo(64 * KIB + 2 * (64 * KIB + 12));
    }
  }

  @Test
  void autoTuningGrowsTheWindowToTheMaximumAndNoFurther() throws Exception {
    // A frozen clock makes every half-window look consumed within an RTT: always "too slow".
    YamuxConfig receiver = config().maxStreamWindow(MIB).nanoClock(() -> 0L).build();
    CompletableFuture<Long> windowAtEnd = new CompletableFuture<>();
    try (MuxerPair p = new MuxerPair(new YamuxMuxer(config().build()),
        StreamHandlers.init(StreamHandlers.Echo::new), new YamuxMuxer(receiver),
        StreamHandlers.init(() -> new WindowProbe(windowAtEnd)))) {
      ((YamuxSession) p.server).ping().get(5, TimeUnit.SECONDS); // an RTT sample enables tuning
      Writer writer = new Writer(16L * MIB);
      YamuxStreamChannel s = (YamuxStreamChannel) p.client.openStream(
          StreamHandlers.init(() -> writer)).get(5, TimeUnit.SECONDS);
      assertThat(windowAtEnd.get(30, TimeUnit.SECONDS)).isEqualTo(MIB);
      assertThat(s.sentBytes()).isEqualTo(16L * MIB);
    }
  }

  /** Counts bytes (autoRead) and reports the stream's receive window at the remote's FIN. */
  static final class WindowProbe extends ChannelInboundHandlerAdapter {
    private final CompletableFuture<Long> windowAtEnd;

    WindowProbe(CompletableFuture<Long> windowAtEnd) {
      this.windowAtEnd = windowAtEnd;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      long w = ((YamuxStreamChannel) ctx.channel()).receiveWindowSize();
      if (w > MIB) {
        windowAtEnd.completeExceptionally(new AssertionError("window grew to " + w));
      }
      ((ByteBuf) msg).release();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      if (evt instanceof ChannelInputShutdownEvent) {
        windowAtEnd.complete(((YamuxStreamChannel) ctx.channel()).receiveWindowSize());
      }
    }
  }

  @Test
  void pingMeasuresTheRoundTrip() throws Exception {
    try (MuxerPair p = new MuxerPair(new YamuxMuxer(config().build()),
        StreamHandlers.init(StreamHandlers.Echo::new), new YamuxMuxer(config().build()),
        StreamHandlers.init(StreamHandlers.Echo::new))) {
      YamuxSession client = (YamuxSession) p.client;
      Duration rtt = client.ping().get(5, TimeUnit.SECONDS);
      assertThat(rtt).isPositive().isLessThan(Duration.ofSeconds(5));
      assertThat(client.rtt()).isPositive();
    }
  }
}
