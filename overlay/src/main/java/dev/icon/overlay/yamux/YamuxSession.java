package dev.icon.overlay.yamux;

import dev.icon.overlay.spi.MuxedSession;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The thread-safe facade of one Yamux connection: every method may be called from any thread; the
 * work runs on the connection's event loop, where the returned futures also complete.
 *
 * <p>{@link #openStream} sends the SYN at once (a window update, carrying any window beyond the
 * spec's 256 KiB). When {@code ackBacklog} outbound streams are still unacknowledged, it WAITS
 * (the future completes once the remote acknowledges or resets an earlier stream); it FAILS with
 * {@link YamuxException} when the stream limit is reached, after a go-away in either direction,
 * or when the connection is closed.
 */
public final class YamuxSession implements MuxedSession {
  private final YamuxHandler handler;

  YamuxSession(YamuxHandler handler) {
    this.handler = handler;
  }

  @Override
  public CompletableFuture<Channel> openStream(ChannelInitializer<Channel> initializer) {
    CompletableFuture<Channel> result = new CompletableFuture<>();
    runOnLoop(() -> handler.openStream(initializer, result), result);
    return result;
  }

  @Override
  public int activeStreams() {
    return handler.streamCount();
  }

  /**
   * Sends go-away (normal): the remote may open no new streams; open ones finish; the connection
   * closes when the last one ends or after {@link YamuxConfig#goAwayTimeout()}. The future
   * completes when the connection is closed.
   */
  @Override
  public CompletableFuture<Void> goAway() {
    runOnLoop(handler::goAway, null);
    return handler.closedFuture();
  }

  @Override
  public Channel connection() {
    return handler.connection();
  }

  /** Sends a ping and completes with the measured round-trip time (fails after pingTimeout). */
  public CompletableFuture<Duration> ping() {
    CompletableFuture<Duration> result = new CompletableFuture<>();
    runOnLoop(() -> handler.ping().whenComplete((rtt, e) -> {
      if (e != null) {
        result.completeExceptionally(e);
      } else {
        result.complete(rtt);
      }
    }), result);
    return result;
  }

  /** The last measured round-trip time, or {@link Duration#ZERO} before any ping response. */
  public Duration rtt() {
    return Duration.ofNanos(handler.rttNanos());
  }

  /** True once the remote has sent go-away: {@link #openStream} fails from then on. */
  public boolean remoteGoneAway() {
    return handler.remoteGoneAway();
  }

  private void runOnLoop(Runnable task, CompletableFuture<?> failOnReject) {
    if (connection().eventLoop().inEventLoop()) {
      task.run();
      return;
    }
    try {
      connection().eventLoop().execute(task);
    } catch (RuntimeException e) {
      if (failOnReject != null) {
        failOnReject.completeExceptionally(
            new YamuxException(YamuxError.SESSION_CLOSED, "event loop rejected the task: " + e));
      }
    }
  }
}
