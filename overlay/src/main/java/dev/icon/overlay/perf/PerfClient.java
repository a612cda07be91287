package dev.icon.overlay.perf;

import dev.icon.overlay.api.PerfResult;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * Client side of one perf measurement: sends the request and {@code upload} bytes, half-closes,
 * counts the bytes coming back until end of stream, and completes {@link #result()}. Event loop
 * only ({@link #result()} anywhere); releases what it reads; time from the injected clock.
 */
public final class PerfClient extends ChannelInboundHandlerAdapter {

  private final long upload;
  private final long download;
  private final LongSupplier nanoTime;
  private final CompletableFuture<PerfResult> result = new CompletableFuture<>();
  private final PerfSender sender;
  private long start;
  private long uploadDone;
  private long firstByte;
  private long received;
  private boolean started;

  /** A measurement of {@code upload} bytes up and {@code download} bytes down. */
  public PerfClient(long upload, long download, LongSupplier nanoTime) {
    this.upload = upload;
    this.download = download;
    this.nanoTime = nanoTime;
    this.sender = new PerfSender(() -> uploadDone = nanoTime.getAsLong());
  }

  /** The measurement, or an exception if the stream closed early. */
  public CompletableFuture<PerfResult> result() {
    return result;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    if (ctx.channel().isActive()) {
      begin(ctx);
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    begin(ctx);
    ctx.fireChannelActive();
  }

  private void begin(ChannelHandlerContext ctx) {
    if (started) {
      return;
    }
    started = true;
    start = nanoTime.getAsLong();
    ctx.write(ctx.alloc().buffer(8).writeLong(download));
    sender.start(ctx, upload);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof ByteBuf in) {
      if (firstByte == 0 && in.isReadable()) {
        firstByte = nanoTime.getAsLong();
      }
      received += in.readableBytes();
      in.release();
    } else {
      ctx.fireChannelRead(msg);
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    sender.pump(ctx);
    ctx.fireChannelWritabilityChanged();
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
    if (result.isDone()) {
      return;
    }
    long end = nanoTime.getAsLong();
    if (received != download || uploadDone == 0) {
      result.completeExceptionally(new IllegalStateException(
          "perf stream ended after " + received + " of " + download + " bytes"));
    } else {
      // The server answers only once it has read the whole upload, so the upload is timed to the
      // first byte of the answer (to the end when nothing is downloaded), as js-libp2p's perf
      // client does: bytes still in windows and socket buffers are not counted as uploaded.
      long uploaded = firstByte != 0 ? firstByte : end;
      result.complete(new PerfResult(upload, received,
          Duration.ofNanos(uploaded - start), Duration.ofNanos(end - start)));
    }
    ctx.close();
  }
}
