package dev.icon.overlay.perf;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;

/**
 * Server side of one perf stream: reads the u64 request, discards the upload, then sends the
 * requested bytes and half-closes. Requests above {@code maxDownload} close the stream. Event loop
 * only; releases what it reads.
 */
public final class PerfServer extends ChannelInboundHandlerAdapter {

  private final long maxDownload;
  private final PerfSender sender = new PerfSender(() -> {});
  private final byte[] header = new byte[8];
  private int headerRead;

  /** A server answering at most {@code maxDownload} bytes per request. */
  public PerfServer(long maxDownload) {
    this.maxDownload = maxDownload;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof ByteBuf in) {
      int n = Math.min(8 - headerRead, in.readableBytes());
      in.readBytes(header, headerRead, n);
      headerRead += n;
      in.release();
    } else {
      ctx.fireChannelRead(msg);
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof ChannelInputShutdownEvent) {
      if (headerRead < 8) {
        ctx.close();
        return;
      }
      long requested = java.nio.ByteBuffer.wrap(header).getLong();
      if (requested < 0 || requested > maxDownload) {
        ctx.close();
        return;
      }
      sender.start(ctx, requested);
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    sender.pump(ctx);
    ctx.fireChannelWritabilityChanged();
  }
}
