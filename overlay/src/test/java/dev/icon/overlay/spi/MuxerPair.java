package dev.icon.overlay.spi;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalIoHandler;
import io.netty.channel.local.LocalServerChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Two connections linked in memory (Netty's local transport, two event loops) with a
 * {@link StreamMuxer} installed on each end: the dialer as {@link Role#INITIATOR}, the listener as
 * {@link Role#RESPONDER}. Close it to shut the event loops down.
 */
public final class MuxerPair implements AutoCloseable {
  /** How the two connections are linked. */
  public enum Transport {
    /** Netty's in-memory local transport. */
    LOCAL,
    /** Real TCP over loopback (NIO, port 0). */
    TCP
  }

  private final EventLoopGroup group;
  private final Channel serverChannel;
  /** The dialer's session. */
  public final MuxedSession client;
  /** The listener's session. */
  public final MuxedSession server;

  /** Links two connections and installs the muxers; inbound streams use the given initializers. */
  public MuxerPair(StreamMuxer clientMuxer, ChannelInitializer<Channel> clientInbound,
      StreamMuxer serverMuxer, ChannelInitializer<Channel> serverInbound) throws Exception {
    this(Transport.LOCAL, clientMuxer, clientInbound, serverMuxer, serverInbound);
  }

  /** Links two connections over {@code transport} and installs the muxers. */
  public MuxerPair(Transport transport, StreamMuxer clientMuxer,
      ChannelInitializer<Channel> clientInbound, StreamMuxer serverMuxer,
      ChannelInitializer<Channel> serverInbound) throws Exception {
    boolean tcp = transport == Transport.TCP;
    group = new MultiThreadIoEventLoopGroup(2,
        tcp ? NioIoHandler.newFactory() : LocalIoHandler.newFactory());
    CompletableFuture<MuxedSession> serverSession = new CompletableFuture<>();
    serverChannel = new ServerBootstrap().group(group)
        .channel(tcp ? NioServerSocketChannel.class : LocalServerChannel.class)
        .childHandler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel ch) {
            serverSession.complete(serverMuxer.install(ch, Role.RESPONDER, serverInbound));
          }
        }).bind(tcp ? new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)
            : new LocalAddress(MuxerPair.class)).sync().channel();
    CompletableFuture<MuxedSession> clientSession = new CompletableFuture<>();
    new Bootstrap().group(group).channel(tcp ? NioSocketChannel.class : LocalChannel.class)
        .handler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel ch) {
            clientSession.complete(clientMuxer.install(ch, Role.INITIATOR, clientInbound));
          }
        }).connect(serverChannel.localAddress()).sync();
    client = clientSession.get(5, TimeUnit.SECONDS);
    server = serverSession.get(5, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    client.connection().close().syncUninterruptibly();
    server.connection().close().syncUninterruptibly();
    serverChannel.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
