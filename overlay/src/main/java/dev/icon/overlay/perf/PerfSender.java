package dev.icon.overlay.perf;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DuplexChannel;

/** Writes {@code remaining} zero bytes in chunks while the channel is writable, then half-closes. */
final class PerfSender {

  private long remaining;
  private boolean active;
  private final Runnable onDone;

  PerfSender(Runnable onDone) {
    this.onDone = onDone;
  }

  void start(ChannelHandlerContext ctx, long bytes) {
    remaining = bytes;
    active = true;
    pump(ctx);
  }

  /** Continues after a writability change; no-op when not sending. */
  void pump(ChannelHandlerContext ctx) {
    if (!active) {
      return;
    }
    while (remaining > 0 && ctx.channel().isWritable()) {
      int n = (int) Math.min(PerfProtocol.CHUNK, remaining);
      remaining -= n;
      ctx.write(ctx.alloc().buffer(n).writeZero(n));
    }
    ctx.flush();
    if (remaining == 0) {
      active = false;
      if (ctx.channel() instanceof DuplexChannel d) {
        d.shutdownOutput().addListener(f -> onDone.run());
      } else {
        onDone.run();
      }
    }
  }
}
