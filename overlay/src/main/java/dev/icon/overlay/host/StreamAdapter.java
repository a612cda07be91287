package dev.icon.overlay.host;

import dev.icon.overlay.api.StreamReader;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of a user stream: hands data to the {@link StreamReader}, buffering (with
 * autoRead off, so the muxer's window holds the sender back) until one is set; tracks writability
 * for {@link HostStream#writable()}.
 *
 * <p>Threading: event loop only, except {@link #setReader} and {@link #writable}, which hop onto it.
 * Releases every buffer it receives after the reader returns.
 */
final class StreamAdapter extends ChannelInboundHandlerAdapter {

  private static final Logger LOG = LoggerFactory.getLogger(StreamAdapter.class);

  private final ArrayDeque<ByteBuf> queued = new ArrayDeque<>();
  private final List<CompletableFuture<Void>> writabilityWaiters = new ArrayList<>();
  private ChannelHandlerContext ctx;
  private StreamReader reader;
  private boolean remoteClosed;
  private boolean closed;

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    ctx.channel().config().setAutoRead(false);
  }

  void setReader(StreamReader r) {
    ctx.executor().execute(() -> {
      if (reader != null) {
        throw new IllegalStateException("stream already has a reader");
      }
      reader = r;
      ByteBuf b;
      while ((b = queued.poll()) != null) {
        deliver(b);
      }
      if (remoteClosed) {
        safely(() -> reader.onRemoteClosed());
      }
      if (closed) {
        safely(() -> reader.onClosed(null));
      } else {
        ctx.channel().config().setAutoRead(true);
      }
    });
  }

  CompletableFuture<Void> writable() {
    CompletableFuture<Void> f = new CompletableFuture<>();
    ctx.executor().execute(() -> {
      if (ctx.channel().isWritable() || !ctx.channel().isActive()) {
        f.complete(null);
      } else {
        writabilityWaiters.add(f);
      }
    });
    return f;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof ByteBuf b)) {
      io.netty.util.ReferenceCountUtil.release(msg);
      return;
    }
    if (reader == null) {
      queued.add(b);
    } else {
      deliver(b);
    }
  }

  private void deliver(ByteBuf b) {
    try {
      if (b.isReadable()) {
        java.nio.ByteBuffer view = b.nioBufferCount() == 1
            ? b.nioBuffer()
            : java.nio.ByteBuffer.wrap(io.netty.buffer.ByteBufUtil.getBytes(b));
        safely(() -> reader.onData(view.asReadOnlyBuffer()));
      }
    } finally {
      b.release();
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof ChannelInputShutdownEvent && !remoteClosed) {
      remoteClosed = true;
      if (reader != null) {
        safely(() -> reader.onRemoteClosed());
      }
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (ctx.channel().isWritable()) {
      completeWaiters();
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    closed = true;
    completeWaiters();
    if (reader != null) {
      safely(() -> reader.onClosed(null));
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("stream {} failed: {}", ctx.channel(), cause.toString());
    if (reader != null) {
      StreamReader r = reader;
      safely(() -> r.onClosed(cause));
      reader = new StreamReader() {
        @Override
        public void onData(java.nio.ByteBuffer data) {}
      };
    }
    ctx.close();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    ByteBuf b;
    while ((b = queued.poll()) != null) {
      b.release();
    }
  }

  private void completeWaiters() {
    List<CompletableFuture<Void>> w = new ArrayList<>(writabilityWaiters);
    writabilityWaiters.clear();
    w.forEach(f -> f.complete(null));
  }

  private void safely(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      LOG.warn("stream reader of {} threw; resetting the stream", ctx.channel(), e);
      HostStream.reset(ctx.channel());
    }
  }
}
