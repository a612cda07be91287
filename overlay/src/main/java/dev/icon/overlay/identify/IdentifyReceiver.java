package dev.icon.overlay.identify;

import dev.icon.proto.libp2p.identify.Identify;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the Identify messages of one stream until the remote closes its side, merging them (go
 * splits large messages in several), then completes {@link #received()} and closes the stream.
 *
 * <p>Threading: event loop only; {@link #received()} may be read anywhere. Limits: each message
 * at most {@code maxSize} bytes, at most {@code maxMessages} messages. Any violation closes only
 * this stream. Owns and releases the bytes it buffers.
 */
public final class IdentifyReceiver extends ChannelInboundHandlerAdapter {

  private static final Logger LOG = LoggerFactory.getLogger(IdentifyReceiver.class);
  private static final int MAX_MESSAGES = 10;

  private final int maxSize;
  private final CompletableFuture<Identify> received = new CompletableFuture<>();
  private final Identify.Builder merged = Identify.newBuilder();
  private int messages;
  private ByteBuf cumulation;

  /** A receiver accepting messages of at most {@code maxSize} bytes. */
  public IdentifyReceiver(int maxSize) {
    this.maxSize = maxSize;
  }

  /** Completes with the merged message, or exceptionally with an {@link IdentifyException}. */
  public CompletableFuture<Identify> received() {
    return received;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof ByteBuf in)) {
      ctx.fireChannelRead(msg);
      return;
    }
    if (received.isDone()) {
      in.release();
      return;
    }
    cumulation = cumulation == null
        ? in
        : ByteToMessageDecoder.MERGE_CUMULATOR.cumulate(ctx.alloc(), cumulation, in);
    try {
      Identify m;
      while ((m = IdentifyCodec.decode(cumulation, maxSize)) != null) {
        if (++messages > MAX_MESSAGES) {
          throw new IdentifyException(IdentifyError.MESSAGE_TOO_LARGE, "more than " + MAX_MESSAGES + " messages");
        }
        merged.mergeFrom(m);
      }
    } catch (IdentifyException e) {
      fail(ctx, e);
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof ChannelInputShutdownEvent) {
      finish(ctx);
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    finish(ctx);
    ctx.fireChannelInactive();
  }

  private void finish(ChannelHandlerContext ctx) {
    if (received.isDone()) {
      return;
    }
    boolean leftover = cumulation != null && cumulation.isReadable();
    releaseCumulation();
    if (messages == 0 || leftover) {
      fail(ctx, new IdentifyException(IdentifyError.CLOSED_EARLY, "stream ended without a complete message"));
    } else {
      received.complete(merged.build());
      ctx.close();
    }
  }

  private void fail(ChannelHandlerContext ctx, IdentifyException e) {
    releaseCumulation();
    LOG.debug("identify failed on {}: {}", ctx.channel(), e.getMessage());
    received.completeExceptionally(e);
    ctx.close();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    releaseCumulation();
  }

  private void releaseCumulation() {
    if (cumulation != null) {
      cumulation.release();
      cumulation = null;
    }
  }
}
