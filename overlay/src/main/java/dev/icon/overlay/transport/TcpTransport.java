package dev.icon.overlay.transport;

import dev.icon.overlay.multiaddr.Multiaddr;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * TCP over Netty (epoll or NIO, see {@link EventLoops}) for {@code /ip4|ip6/.../tcp/N} addresses.
 * Thread-safe. Does not own the event loops.
 */
public final class TcpTransport implements Transport {

  private final EventLoops loops;
  private final Duration connectTimeout;
  private final Set<Channel> servers = ConcurrentHashMap.newKeySet();

  /** A transport on {@code loops} with the given connect timeout. */
  public TcpTransport(EventLoops loops, Duration connectTimeout) {
    this.loops = loops;
    this.connectTimeout = connectTimeout;
  }

  @Override
  public boolean canDial(Multiaddr address) {
    return isTcp(address);
  }

  @Override
  public boolean canListen(Multiaddr address) {
    return isTcp(address) && address.peerId().isEmpty();
  }

  private static boolean isTcp(Multiaddr address) {
    try {
      address.withoutPeerId().toTcpSocketAddress();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public CompletableFuture<TransportListener> listen(
      Multiaddr address, ChannelInitializer<Channel> init) {
    CompletableFuture<TransportListener> result = new CompletableFuture<>();
    InetSocketAddress bindTo;
    try {
      bindTo = address.toTcpSocketAddress();
    } catch (RuntimeException e) {
      result.completeExceptionally(new TransportException("cannot listen on " + address, e));
      return result;
    }
    ServerBootstrap b = new ServerBootstrap()
        .group(loops.group())
        .channel(loops.serverChannel())
        .option(ChannelOption.SO_REUSEADDR, true)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(init);
    b.bind(bindTo).addListener((ChannelFuture f) -> {
      if (!f.isSuccess()) {
        result.completeExceptionally(new TransportException("cannot listen on " + address, f.cause()));
        return;
      }
      Channel server = f.channel();
      servers.add(server);
      // The requested IP with the real port: a dual-stack socket bound to 0.0.0.0 reports ::.
      int port = ((InetSocketAddress) server.localAddress()).getPort();
      Multiaddr bound = toMultiaddr(new InetSocketAddress(bindTo.getAddress(), port));
      result.complete(new TransportListener() {
        @Override
        public Multiaddr address() {
          return bound;
        }

        @Override
        public CompletableFuture<Void> close() {
          servers.remove(server);
          return toFuture(server.close());
        }
      });
    });
    return result;
  }

  @Override
  public CompletableFuture<Channel> dial(Multiaddr address, ChannelInitializer<Channel> init) {
    CompletableFuture<Channel> result = new CompletableFuture<>();
    InetSocketAddress remote;
    try {
      remote = address.withoutPeerId().toTcpSocketAddress();
    } catch (RuntimeException e) {
      result.completeExceptionally(new TransportException("cannot dial " + address, e));
      return result;
    }
    Bootstrap b = new Bootstrap()
        .group(loops.group())
        .channel(loops.socketChannel())
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
        .handler(init);
    b.connect(remote).addListener((ChannelFuture f) -> {
      if (f.isSuccess()) {
        result.complete(f.channel());
      } else {
        result.completeExceptionally(new TransportException("cannot dial " + address, f.cause()));
      }
    });
    return result;
  }

  @Override
  public Multiaddr remoteAddress(Channel channel) {
    return toMultiaddr(channel.remoteAddress());
  }

  @Override
  public Multiaddr localAddress(Channel channel) {
    return toMultiaddr(channel.localAddress());
  }

  /** {@code /ip4/a.b.c.d/tcp/N} or {@code /ip6/.../tcp/N} for a socket address. */
  public static Multiaddr toMultiaddr(SocketAddress socketAddress) {
    InetSocketAddress a = (InetSocketAddress) socketAddress;
    String proto = a.getAddress() instanceof Inet6Address ? "ip6" : "ip4";
    String host = a.getAddress().getHostAddress();
    int zone = host.indexOf('%');
    if (zone >= 0) {
      host = host.substring(0, zone);
    }
    return Multiaddr.parse("/" + proto + "/" + host + "/tcp/" + a.getPort());
  }

  @Override
  public CompletableFuture<Void> close() {
    CompletableFuture<?>[] all = servers.stream().map(s -> toFuture(s.close())).toArray(CompletableFuture[]::new);
    servers.clear();
    return CompletableFuture.allOf(all);
  }

  static CompletableFuture<Void> toFuture(ChannelFuture f) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    f.addListener(x -> done.complete(null));
    return done;
  }
}
