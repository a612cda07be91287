package dev.icon.overlay.yamux;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelPromise;
import io.netty.channel.DefaultChannelPipeline;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.ChannelInputShutdownReadComplete;
import io.netty.channel.socket.ChannelOutputShutdownEvent;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * One Yamux stream as a Netty child {@link io.netty.channel.Channel}: parent = the connection
 * channel, same event loop. Write a protocol as an ordinary pipeline on it; only {@link ByteBuf}
 * messages can be written, and inbound messages are {@link ByteBuf}s the reader must release.
 *
 * <p>Backpressure. Writes are cut into data frames within the remote's window
 * ({@link #sendWindow()}); while it is 0 the channel is not writable and writes wait in this
 * channel's own outbound buffer, whose size the user must bound by honouring
 * {@link #isWritable()}. Nothing is flushed into a connection that is not writable. A write
 * promise completes when its last byte was handed to the connection. On the read side a window
 * update returns only bytes delivered to this pipeline (autoRead or {@code read()}), so a reader
 * that stops reading stops the sender.
 *
 * <p>Closing. {@link #shutdownOutput()} sends FIN after the written data; the remote's FIN fires
 * {@link ChannelInputShutdownEvent} then {@link ChannelInputShutdownReadComplete} once all data was
 * read (half-closure is always allowed). The channel closes itself when both sides are done.
 * {@link #close()} discards unsent writes and sends FIN; data arriving afterwards is answered with
 * RST. An exception that reaches the end of the stream's pipeline resets the stream. Until the
 * remote's FIN arrives (at most {@link YamuxConfig#streamCloseTimeout()}, then RST)
 * a closed stream still counts in {@code activeStreams()}. {@link #reset()} sends RST. A remote RST
 * or the end of the connection closes the channel without an exception ({@link #isReset()} tells
 * them apart from a graceful close).
 *
 * <p>Threading: the public methods are thread-safe as on any Netty channel; the package-private
 * callbacks run on the event loop only.
 */
public final class YamuxStreamChannel extends ChildChannel {
  private static final int WINDOW_WRITABILITY_BIT = 1;

  private final YamuxHandler session;
  private final int streamId;
  private final boolean outbound;
  private final ReceiveWindow receiveWindow;
  private final ArrayDeque<ByteBuf> inbound = new ArrayDeque<>();
  private volatile YamuxStreamState state = YamuxStreamState.OPEN;
  private long sendWindow = YamuxProtocol.INITIAL_WINDOW;
  private volatile long sentBytes;
  private volatile long receivedBytes;
  private long bufferedBytes;
  private boolean ackPending;
  private boolean acknowledged;
  private boolean readPending;
  private boolean delivering;
  private boolean inDoWrite;
  private boolean resumeRequested;
  private boolean inputShutdownFired;
  private boolean removed;
  private ChannelPromise finPromise;
  private ScheduledFuture<?> closeTimeout;

  YamuxStreamChannel(YamuxHandler session, int streamId, boolean outbound) {
    super(session.connection());
    this.session = session;
    this.streamId = streamId;
    this.outbound = outbound;
    this.ackPending = !outbound;
    this.receiveWindow =
        new ReceiveWindow(session.config().initialStreamWindow(), session.config().maxStreamWindow());
  }

  /** This stream's id (unsigned 32-bit on the wire). */
  public int streamId() {
    return streamId;
  }

  /** True if this side opened the stream. */
  public boolean isOutboundStream() {
    return outbound;
  }

  /** True once a RST was sent or received on this stream. */
  public boolean isReset() {
    return state == YamuxStreamState.RESET;
  }

  /**
   * Bytes the remote currently allows us to send (its window minus bytes in flight); exact on the
   * event loop, approximate elsewhere.
   */
  public long sendWindow() {
    return sendWindow;
  }

  /** Payload bytes received on this stream so far. Readable from any thread. */
  public long receivedBytes() {
    return receivedBytes;
  }

  /** Payload bytes received but not yet delivered to the pipeline (at most the window). */
  public long bufferedBytes() {
    return bufferedBytes;
  }

  /** Payload bytes sent on this stream so far. Readable from any thread. */
  public long sentBytes() {
    return sentBytes;
  }

  /** The current receive window size, as grown by auto-tuning. */
  public long receiveWindowSize() {
    return receiveWindow.window();
  }

  /** Resets the stream (RST to the remote) and closes this channel. Thread-safe. */
  public ChannelFuture reset() {
    ChannelPromise promise = newPromise();
    runOnLoop(() -> {
      sendReset();
      close(promise);
    });
    return promise;
  }

  @Override
  public boolean isInputShutdown() {
    return state.remoteDone();
  }

  @Override
  public boolean isOutputShutdown() {
    return state.localDone();
  }

  @Override
  public boolean isShutdown() {
    return state.localDone() && state.remoteDone();
  }

  /** Sends FIN once all data written and flushed before it has been sent (half-close). */
  @Override
  public ChannelFuture shutdownOutput() {
    return shutdownOutput(newPromise());
  }

  /** Sends FIN once all data written and flushed before it has been sent (half-close). */
  @Override
  public ChannelFuture shutdownOutput(ChannelPromise promise) {
    runOnLoop(() -> {
      if (!open) {
        promise.tryFailure(new ClosedChannelException());
      } else if (finPromise != null || state.localDone()) {
        promise.trySuccess();
      } else {
        finPromise = promise;
        unsafe().flush();
        sendFinIfDrained();
      }
    });
    return promise;
  }

  // ---- callbacks from YamuxHandler, on the event loop ----

  /** Takes ownership of {@code data}; false if it exceeds the granted window (a violation). */
  boolean onData(ByteBuf data) {
    if (!receiveWindow.onReceive(data.readableBytes())) {
      data.release();
      return false;
    }
    if (state.remoteDone() || !open) {
      data.release();
      if (state != YamuxStreamState.RESET) {
        session.logStreamError(this, state.remoteDone() ? "data after FIN" : "data after close");
        sendReset();
        closeOrRemove();
      }
      return true;
    }
    receivedBytes += data.readableBytes();
    bufferedBytes += data.readableBytes();
    inbound.add(data);
    if (readPending && !delivering) {
      deliver();
    }
    return true;
  }

  void onWindowUpdate(long delta) {
    sendWindow += delta;
    // With nothing queued, resumeWrite() does not reach doWrite(), so clear the window bit here.
    updateWritability();
    if (delta > 0) {
      resumeWrite();
    }
  }

  /** Marks an outbound stream acknowledged (ACK, RST or end); true the first time. */
  boolean markAcknowledged() {
    if (!outbound || acknowledged) {
      return false;
    }
    acknowledged = true;
    return true;
  }

  void onRemoteFin() {
    state = state.remoteFin();
    if (open) {
      fireInputShutdownIfDone();
    } else {
      removeIfDone();
    }
  }

  void onRemoteReset() {
    state = YamuxStreamState.RESET;
    closeOrRemove();
  }

  /** The connection is gone: close without sending anything. */
  void onConnectionClosed() {
    state = YamuxStreamState.RESET;
    closeOrRemove();
  }

  /** The connection became writable again, or the window grew: send what waits. */
  void resumeWrite() {
    if (inDoWrite) {
      // Re-entered from our own flush into the connection: flush0 would ignore us, so retry after.
      resumeRequested = true;
      return;
    }
    if (open && unsafe().outboundBuffer() != null) {
      resumeFlush();
      sendFinIfDrained();
    }
  }

  boolean hasPendingWrites() {
    ChannelOutboundBuffer buf = unsafe().outboundBuffer();
    return buf != null && !buf.isEmpty();
  }

  int takeAckFlag() {
    if (ackPending) {
      ackPending = false;
      return YamuxFrame.ACK;
    }
    return 0;
  }

  /** Sends the pending ACK now (with an initial window delta) if one is pending. */
  void sendAckNow(long delta) {
    int flags = takeAckFlag();
    if (flags != 0 || delta > 0) {
      session.writeFrame(YamuxFrame.windowUpdate(streamId, flags, delta));
    }
  }

  ReceiveWindow receiveWindow() {
    return receiveWindow;
  }

  // ---- internals ----

  private void sendReset() {
    if (state != YamuxStreamState.RESET && !removed) {
      state = YamuxStreamState.RESET;
      session.writeFrame(YamuxFrame.windowUpdate(streamId, YamuxFrame.RST | takeAckFlag(), 0));
      session.flush();
    }
  }

  private void sendFin() {
    session.writeFrame(YamuxFrame.windowUpdate(streamId, YamuxFrame.FIN | takeAckFlag(), 0));
    session.flush();
    state = state.localFin();
  }

  private void sendFinIfDrained() {
    if (finPromise != null && !hasPendingWrites() && !state.localDone()) {
      sendFin();
      ChannelPromise p = finPromise;
      p.trySuccess();
      pipeline().fireUserEventTriggered(ChannelOutputShutdownEvent.INSTANCE);
      parent().eventLoop().execute(this::closeIfDone);
    }
  }

  private void fireInputShutdownIfDone() {
    if (open && !inputShutdownFired && state.remoteDone() && state != YamuxStreamState.RESET
        && inbound.isEmpty()) {
      inputShutdownFired = true;
      pipeline().fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);
      pipeline().fireUserEventTriggered(ChannelInputShutdownReadComplete.INSTANCE);
      closeIfDone();
    }
  }

  private void closeIfDone() {
    if (open && state == YamuxStreamState.CLOSED && inputShutdownFired) {
      close();
    }
  }

  private void closeOrRemove() {
    if (open) {
      close();
    } else {
      removeIfDone();
    }
  }

  private void removeIfDone() {
    if (!open && !removed
        && (state == YamuxStreamState.CLOSED || state == YamuxStreamState.RESET)) {
      removed = true;
      if (closeTimeout != null) {
        closeTimeout.cancel(false);
      }
      session.onStreamRemoved(this);
    }
  }

  private void deliver() {
    delivering = true;
    readPending = false;
    long bytes = 0;
    try {
      ByteBuf b;
      while (open && (b = inbound.poll()) != null) {
        bytes += b.readableBytes();
        bufferedBytes -= b.readableBytes();
        pipeline().fireChannelRead(b);
      }
      pipeline().fireChannelReadComplete();
    } finally {
      delivering = false;
    }
    if (bytes > 0 && !state.remoteDone()) {
      session.onConsumed(this, bytes);
    }
    fireInputShutdownIfDone();
  }

  private void updateWritability() {
    ChannelOutboundBuffer buf = unsafe().outboundBuffer();
    if (buf != null) {
      buf.setUserDefinedWritability(WINDOW_WRITABILITY_BIT, sendWindow > 0);
    }
  }

  @Override
  protected void doBeginRead() {
    if (!open) {
      return;
    }
    readPending = true;
    if (!delivering && !inbound.isEmpty()) {
      deliver();
    }
  }

  @Override
  protected void doWrite(ChannelOutboundBuffer in) {
    inDoWrite = true;
    try {
      writeFrames(in);
    } finally {
      inDoWrite = false;
    }
    if (resumeRequested) {
      resumeRequested = false;
      parent().eventLoop().execute(this::resumeWrite);
    }
  }

  private void writeFrames(ChannelOutboundBuffer in) {
    int maxFrame = session.config().maxSendFrame();
    boolean wrote = false;
    while (true) {
      Object msg = in.current();
      if (msg == null) {
        break;
      }
      ByteBuf buf = (ByteBuf) msg;
      int len = buf.readableBytes();
      if (len == 0) {
        in.remove();
        continue;
      }
      if (sendWindow <= 0) {
        break;
      }
      if (!session.connection().isWritable()) {
        if (wrote) {
          session.flush();
          wrote = false;
        }
        if (!session.connection().isWritable()) {
          break;
        }
      }
      int n = (int) Math.min(Math.min(len, sendWindow), maxFrame);
      ByteBuf chunk = buf.retainedSlice(buf.readerIndex(), n);
      session.writeFrame(YamuxFrame.data(streamId, takeAckFlag(), chunk));
      sendWindow -= n;
      sentBytes += n;
      wrote = true;
      in.removeBytes(n);
    }
    if (wrote) {
      session.flush();
    }
    updateWritability();
    if (in.isEmpty() && finPromise != null) {
      parent().eventLoop().execute(this::sendFinIfDrained);
    }
  }

  @Override
  protected Object filterOutboundMessage(Object msg) throws Exception {
    if (finPromise != null || state.localDone()) {
      throw new ClosedChannelException();
    }
    if (msg instanceof ByteBuf) {
      return msg;
    }
    throw new UnsupportedOperationException("only ByteBuf can be written, not " + msg.getClass());
  }

  @Override
  protected void doClose() {
    open = false;
    ByteBuf b;
    while ((b = inbound.poll()) != null) {
      b.release();
    }
    bufferedBytes = 0;
    if (!state.localDone()) {
      sendFin();
    }
    if (finPromise != null) {
      finPromise.trySuccess();
    }
    if (state == YamuxStreamState.CLOSED || state == YamuxStreamState.RESET) {
      removeIfDone();
    } else {
      long timeoutNanos = session.config().streamCloseTimeout().toNanos();
      closeTimeout = parent().eventLoop().schedule(() -> {
        session.logStreamError(this, "no FIN from remote within the close timeout");
        sendReset();
        removeIfDone();
      }, timeoutNanos, TimeUnit.NANOSECONDS);
    }
  }

  /** An exception no handler of this stream dealt with resets the stream (RST) and closes it. */
  @Override
  protected DefaultChannelPipeline newChannelPipeline() {
    return new DefaultChannelPipeline(this) {
      @Override
      protected void onUnhandledInboundException(Throwable cause) {
        session.logStreamError(YamuxStreamChannel.this, "unhandled exception " + cause);
        reset();
      }
    };
  }

  @Override
  public String toString() {
    return "YamuxStream[" + Integer.toUnsignedString(streamId) + " " + state + " on "
        + parent() + "]";
  }
}
