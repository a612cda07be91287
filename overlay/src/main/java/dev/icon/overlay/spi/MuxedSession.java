package dev.icon.overlay.spi;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import java.util.concurrent.CompletableFuture;

/**
 * One multiplexed connection. Thread-safe: every method may be called from any thread; work runs
 * on the connection's event loop.
 */
public interface MuxedSession {

  /**
   * Opens an outbound stream. The future completes once the stream exists locally (the muxer may
   * send its SYN lazily with the first data); it fails when the stream limit or a go-away forbids
   * new streams, or the connection is closed.
   */
  CompletableFuture<Channel> openStream(ChannelInitializer<Channel> initializer);

  /** Number of streams currently open (inbound plus outbound). */
  int activeStreams();

  /** Tells the remote no new streams will be accepted, lets open streams finish, then closes. */
  CompletableFuture<Void> goAway();

  /** The connection channel this session runs on. */
  Channel connection();
}
