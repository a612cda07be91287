package dev.icon.overlay.perf;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DuplexChannel;

/** Writes {@code remaining} zero bytes in chunks while the channel is writable, then half-closes. */
final class PerfSender {

  /** Shared, never released: perf payload is zeros, so no chunk is allocated or filled per write. */
  private static final ByteBuf ZEROS =
      Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(new byte[PerfProtocol.CHUNK]));

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

  /**
   * Continues after a writability change; no-op when not sending. Re-entrant: a flush may make
   * the channel writable again and call back in, so state is re-checked after each flush.
   */
  void pump(ChannelHandlerContext ctx) {
    while (active && remaining > 0 && ctx.channel().isWritable()) {
      while (remaining > 0 && ctx.channel().isWritable()) {
        int n = (int) Math.min(PerfProtocol.CHUNK, remaining);
        remaining -= n;
        ctx.write(ZEROS.retainedSlice(0, n));
      }
      ctx.flush();
    }
    if (active && remaining == 0) {
      active = false;
      if (ctx.channel() instanceof DuplexChannel d) {
        d.shutdownOutput().addListener(f -> onDone.run());
      } else {
        onDone.run();
      }
    }
  }
}
