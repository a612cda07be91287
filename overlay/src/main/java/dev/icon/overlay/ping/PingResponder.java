package dev.icon.overlay.ping;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Echoes every complete 32-byte payload on a ping stream, for as long as the remote keeps sending.
 * A partial payload is held until it completes. Closes the stream when the remote closes it.
 *
 * <p>Threading: event loop only; one instance per stream. Releases what it reads.
 */
public final class PingResponder extends ChannelInboundHandlerAdapter {

  private ByteBuf pending;

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof ByteBuf in)) {
      ctx.fireChannelRead(msg);
      return;
    }
    if (pending == null) {
      pending = ctx.alloc().buffer(PingProtocol.PAYLOAD_SIZE);
    }
    try {
      while (in.isReadable()) {
        int n = Math.min(in.readableBytes(), PingProtocol.PAYLOAD_SIZE - pending.readableBytes());
        pending.writeBytes(in, n);
        if (pending.readableBytes() == PingProtocol.PAYLOAD_SIZE) {
          ctx.writeAndFlush(pending);
          pending = ctx.alloc().buffer(PingProtocol.PAYLOAD_SIZE);
        }
      }
    } finally {
      in.release();
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof io.netty.channel.socket.ChannelInputShutdownEvent) {
      ctx.close();
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    if (pending != null) {
      pending.release();
      pending = null;
    }
  }
}
