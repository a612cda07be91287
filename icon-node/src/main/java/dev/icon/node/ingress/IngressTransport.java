package dev.icon.node.ingress;

import io.netty.channel.Channel;
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
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's event loops and channel classes: epoll when its native library loads and is
 * preferred (then the kernel's TCP RTT of a client connection is readable), NIO otherwise.
 * Thread-safe; the gateway owns it and shuts it down.
 *
 * @param group the event loops
 * @param socketChannel client-side channel class
 * @param serverChannel listening channel class
 * @param nativeEpoll whether epoll is in use
 */
record IngressTransport(
    EventLoopGroup group,
    Class<? extends SocketChannel> socketChannel,
    Class<? extends ServerChannel> serverChannel,
    boolean nativeEpoll) {

  static IngressTransport create(int threads, boolean preferNative) {
    boolean epoll = preferNative && Epoll.isAvailable();
    IoHandlerFactory factory = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads,
        new DefaultThreadFactory("icon-ingress", true), factory);
    return epoll
        ? new IngressTransport(group, EpollSocketChannel.class, EpollServerSocketChannel.class, true)
        : new IngressTransport(group, NioSocketChannel.class, NioServerSocketChannel.class, false);
  }

  /**
   * The kernel's smoothed RTT of {@code channel}'s TCP connection, empty when it is not an epoll
   * channel, is closed, or the kernel has no sample yet. Call on the channel's event loop.
   */
  static Optional<Duration> kernelRtt(Channel channel) {
    if (channel instanceof EpollSocketChannel epoll && epoll.isActive()) {
      try {
        long micros = epoll.tcpInfo().rtt();
        return micros > 0 ? Optional.of(Duration.ofNanos(micros * 1000)) : Optional.empty();
      } catch (RuntimeException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  CompletableFuture<Void> shutdown() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).addListener(f -> done.complete(null));
    return done;
  }
}
