package dev.icon.overlay.yamux;

import io.netty.channel.AbstractChannel;
import io.netty.channel.Channel;
import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelMetadata;
import io.netty.channel.ChannelPromise;
import io.netty.channel.DefaultChannelConfig;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DuplexChannel;
import java.net.SocketAddress;

/**
 * Netty plumbing of a child channel that lives inside its parent connection: runs on the parent's
 * event loop, shares its addresses, cannot be bound, connected or disconnected, and has no input
 * shutdown. {@link YamuxStreamChannel} adds the stream itself.
 */
abstract class ChildChannel extends AbstractChannel implements DuplexChannel {
  private static final ChannelMetadata METADATA = new ChannelMetadata(false, 16);

  private final ChannelConfig config = new DefaultChannelConfig(this);
  /** False once {@code doClose} ran; written on the event loop, read anywhere. */
  volatile boolean open = true;

  ChildChannel(Channel parent) {
    super(parent);
  }

  @Override
  public ChannelConfig config() {
    return config;
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public boolean isActive() {
    return open;
  }

  @Override
  public ChannelMetadata metadata() {
    return METADATA;
  }

  /** Unsupported: Yamux cannot tell the remote to stop sending, except by a reset. */
  @Override
  public ChannelFuture shutdownInput() {
    return shutdownInput(newPromise());
  }

  /** Unsupported: fails the promise. */
  @Override
  public ChannelFuture shutdownInput(ChannelPromise promise) {
    return promise.setFailure(new UnsupportedOperationException("yamux has no input shutdown"));
  }

  /** Unsupported: fails the promise; use {@link #shutdownOutput()} or {@link #close()}. */
  @Override
  public ChannelFuture shutdown() {
    return shutdown(newPromise());
  }

  /** Unsupported: fails the promise. */
  @Override
  public ChannelFuture shutdown(ChannelPromise promise) {
    return shutdownInput(promise);
  }

  /** Runs {@code task} on the parent's event loop, inline when already there. */
  final void runOnLoop(Runnable task) {
    if (parent().eventLoop().inEventLoop()) {
      task.run();
    } else {
      parent().eventLoop().execute(task);
    }
  }

  /** Flushes what the outbound buffer holds again (after the window or the parent freed up). */
  final void resumeFlush() {
    ((ChildUnsafe) unsafe()).resume();
  }

  @Override
  protected boolean isCompatible(EventLoop loop) {
    return true;
  }

  @Override
  protected SocketAddress localAddress0() {
    return parent().localAddress();
  }

  @Override
  protected SocketAddress remoteAddress0() {
    return parent().remoteAddress();
  }

  @Override
  protected void doBind(SocketAddress localAddress) {
    throw new UnsupportedOperationException("a stream cannot be bound");
  }

  @Override
  protected void doDisconnect() {
    throw new UnsupportedOperationException("a stream cannot be disconnected; close it");
  }

  @Override
  protected AbstractUnsafe newUnsafe() {
    return new ChildUnsafe();
  }

  private final class ChildUnsafe extends AbstractUnsafe {
    @Override
    public void connect(SocketAddress remote, SocketAddress local, ChannelPromise promise) {
      promise.setFailure(new UnsupportedOperationException("a stream is connected when opened"));
    }

    void resume() {
      flush0();
    }
  }
}
