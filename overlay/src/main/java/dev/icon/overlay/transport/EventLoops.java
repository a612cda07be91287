package dev.icon.overlay.transport;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.CompletableFuture;

/**
 * The I/O event loops of one host and the matching TCP channel classes: epoll when the native
 * library loads and is preferred, NIO otherwise. Thread-safe; owned by whoever created it, who
 * calls {@link #shutdown()}.
 *
 * @param group the event loop group
 * @param socketChannel client channel class
 * @param serverChannel server channel class
 * @param nativeEpoll whether epoll is in use
 */
public record EventLoops(
    EventLoopGroup group,
    Class<? extends SocketChannel> socketChannel,
    Class<? extends ServerChannel> serverChannel,
    boolean nativeEpoll) {

  /** Creates {@code threads} event loops (0 = Netty's default) named {@code name}. */
  public static EventLoops create(int threads, boolean preferNative, String name) {
    boolean epoll = preferNative && Epoll.isAvailable();
    IoHandlerFactory factory = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    EventLoopGroup group =
        new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name, true), factory);
    return epoll
        ? new EventLoops(group, EpollSocketChannel.class, EpollServerSocketChannel.class, true)
        : new EventLoops(group, NioSocketChannel.class, NioServerSocketChannel.class, false);
  }

  /** Shuts the loops down quickly; completes when terminated. */
  public CompletableFuture<Void> shutdown() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS)
        .addListener(f -> done.complete(null));
    return done;
  }
}
