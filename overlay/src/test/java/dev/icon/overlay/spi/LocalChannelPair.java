package dev.icon.overlay.spi;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalIoHandler;
import io.netty.channel.local.LocalServerChannel;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Two connected in-memory channels (Netty's local transport): {@link #dialer()} and
 * {@link #listener()}, each with an empty pipeline on its own event loop. Close with
 * {@link #close()}.
 */
public final class LocalChannelPair implements AutoCloseable {

  private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, LocalIoHandler.newFactory());
  private final Channel server;
  private final Channel dialer;
  private final Channel listener;

  /** Binds a unique local address and connects to it. */
  public LocalChannelPair() throws Exception {
    CompletableFuture<Channel> accepted = new CompletableFuture<>();
    server = new ServerBootstrap().group(group).channel(LocalServerChannel.class)
        .childHandler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel ch) {
            accepted.complete(ch);
          }
        })
        .bind(new LocalAddress("pair-" + UUID.randomUUID())).sync().channel();
    dialer = new Bootstrap().group(group).channel(LocalChannel.class)
        .handler(new ChannelInboundHandlerAdapter())
        .connect(server.localAddress()).sync().channel();
    listener = accepted.get(5, TimeUnit.SECONDS);
  }

  /** The connecting side. */
  public Channel dialer() {
    return dialer;
  }

  /** The accepted side. */
  public Channel listener() {
    return listener;
  }

  /** Runs nothing on {@code ch}'s event loop and waits for it, so earlier tasks have run. */
  public static void drain(Channel ch) throws Exception {
    ch.eventLoop().submit(() -> { }).get(5, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    dialer.close();
    listener.close();
    server.close();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
