package dev.icon.overlay.spi;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.CompletableFuture;

/** Small stream handlers shared by the muxer tests. */
public final class StreamHandlers {
  private StreamHandlers() {}

  /** An initializer installing a fresh handler from {@code factory} on each stream. */
  public static ChannelInitializer<Channel> init(java.util.function.Supplier<
      io.netty.channel.ChannelHandler> factory) {
    return new ChannelInitializer<>() {
      @Override
      protected void initChannel(Channel ch) {
        ch.pipeline().addLast(factory.get());
      }
    };
  }

  /** Echoes every byte back and half-closes when the remote half-closes. */
  public static final class Echo extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ctx.write(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      ctx.flush();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      if (evt instanceof ChannelInputShutdownEvent) {
        ctx.flush();
        ((DuplexChannel) ctx.channel()).shutdownOutput();
      }
      ctx.fireUserEventTriggered(evt);
    }
  }

  /**
   * Collects everything read; {@link #done} completes with the bytes at the remote's FIN (or
   * with what arrived when the stream closes without FIN).
   */
  public static final class Collect extends ChannelInboundHandlerAdapter {
    /** Completes with all bytes read, at the remote's FIN or at close. */
    public final CompletableFuture<byte[]> done = new CompletableFuture<>();
    /** Completes when the stream channel becomes inactive. */
    public final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final byte[] toSend;

    /** Collects only. */
    public Collect() {
      this(null);
    }

    /** Sends {@code toSend} on activation and half-closes, then collects. */
    public Collect(byte[] toSend) {
      this.toSend = toSend;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      if (toSend != null) {
        ctx.writeAndFlush(ctx.alloc().buffer().writeBytes(toSend))
            .addListener((ChannelFutureListener) f -> ((DuplexChannel) f.channel()).shutdownOutput());
      }
      ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ByteBuf buf = (ByteBuf) msg;
      try {
        bytes.writeBytes(ByteBufUtil.getBytes(buf));
      } finally {
        buf.release();
      }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      if (evt instanceof ChannelInputShutdownEvent) {
        done.complete(bytes.toByteArray());
      }
      ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      done.complete(bytes.toByteArray());
      closed.complete(null);
      ctx.fireChannelInactive();
    }
  }
}
