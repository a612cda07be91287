package dev.icon.overlay.transport;

import dev.icon.overlay.multiaddr.Multiaddr;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import java.util.concurrent.CompletableFuture;

/**
 * Seam between the host and a way of moving bytes (TCP now). A transport dials and listens on
 * multiaddrs and hands each raw connection to the host as a Netty {@link Channel} whose pipeline
 * the given initializer sets up before any byte is read.
 *
 * <p>Threading: thread-safe; futures complete on the transport's event loops. The transport does
 * not own the event loops it is given; {@link #close()} closes its listeners only.
 */
public interface Transport {

  /** Whether {@link #dial} understands {@code address} (a /p2p/ suffix is ignored). */
  boolean canDial(Multiaddr address);

  /** Whether {@link #listen} understands {@code address}. */
  boolean canListen(Multiaddr address);

  /** Binds {@code address} (port 0 picks a free port); every accepted channel goes to {@code init}. */
  CompletableFuture<TransportListener> listen(Multiaddr address, ChannelInitializer<Channel> init);

  /** Connects to {@code address}; the channel's pipeline is set up by {@code init}. */
  CompletableFuture<Channel> dial(Multiaddr address, ChannelInitializer<Channel> init);

  /** The remote address of a channel this transport created. */
  Multiaddr remoteAddress(Channel channel);

  /** The local address of a channel this transport created. */
  Multiaddr localAddress(Channel channel);

  /** Closes every listener (not the connections). */
  CompletableFuture<Void> close();
}
