package dev.icon.overlay.ping;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * Sends one 32-byte random payload when added to an active stream, waits for the echo, completes
 * {@link #rtt()} with the round-trip time and closes the stream.
 *
 * <p>Threading: event loop only; {@link #rtt()} may be read anywhere. Time ({@code nanoTime}) and
 * randomness are injected for tests. Releases what it reads.
 */
public final class PingInitiator extends ChannelInboundHandlerAdapter {

  private final RandomGenerator random;
  private final LongSupplier nanoTime;
  private final CompletableFuture<Duration> rtt = new CompletableFuture<>();
  private byte[] sent;
  private long startNanos;
  private ByteBuf received;

  /** A pinger drawing payloads from {@code random} and timing with {@code nanoTime}. */
  public PingInitiator(RandomGenerator random, LongSupplier nanoTime) {
    this.random = random;
    this.nanoTime = nanoTime;
  }

  /** Completes with the round-trip time, or exceptionally with a {@link PingException}. */
  public CompletableFuture<Duration> rtt() {
    return rtt;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    if (ctx.channel().isActive()) {
      send(ctx);
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    send(ctx);
    ctx.fireChannelActive();
  }

  private void send(ChannelHandlerContext ctx) {
    if (sent != null) {
      return;
    }
    sent = new byte[PingProtocol.PAYLOAD_SIZE];
    random.nextBytes(sent);
    received = ctx.alloc().buffer(PingProtocol.PAYLOAD_SIZE);
    startNanos = nanoTime.getAsLong();
    ctx.writeAndFlush(Unpooled.wrappedBuffer(sent.clone()));
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof ByteBuf in)) {
      ctx.fireChannelRead(msg);
      return;
    }
    try {
      if (rtt.isDone() || received == null) {
        return;
      }
      received.writeBytes(in, Math.min(in.readableBytes(), PingProtocol.PAYLOAD_SIZE - received.readableBytes()));
      if (received.readableBytes() < PingProtocol.PAYLOAD_SIZE) {
        return;
      }
      long elapsed = nanoTime.getAsLong() - startNanos;
      if (ByteBufUtil.equals(received, Unpooled.wrappedBuffer(sent))) {
        rtt.complete(Duration.ofNanos(elapsed));
      } else {
        rtt.completeExceptionally(new PingException(PingError.MISMATCH, "echo differs from payload"));
      }
      ctx.close();
    } finally {
      in.release();
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    rtt.completeExceptionally(new PingException(PingError.CLOSED, "stream closed before echo"));
    ctx.fireChannelInactive();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    if (received != null) {
      received.release();
      received = null;
    }
  }
}
