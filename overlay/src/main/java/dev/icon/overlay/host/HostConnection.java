package dev.icon.overlay.host;

import dev.icon.overlay.api.Connection;
import dev.icon.overlay.api.Direction;
import dev.icon.overlay.api.HostError;
import dev.icon.overlay.api.HostException;
import dev.icon.overlay.api.Stream;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.multiaddr.Multiaddr;
import dev.icon.overlay.multistream.MultistreamConfig;
import dev.icon.overlay.multistream.MultistreamError;
import dev.icon.overlay.multistream.MultistreamException;
import dev.icon.overlay.multistream.MultistreamHandler;
import dev.icon.overlay.spi.MuxedSession;
import dev.icon.overlay.spi.SecureSession;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An established connection of a host: the raw channel, its security session and muxed session.
 * Thread-safe. Counts its streams for the connection manager's idle and trimming decisions.
 */
final class HostConnection implements Connection, ManagedConnection {

  private final Channel channel;
  private final SecureSession secure;
  private final MuxedSession session;
  private final String muxerProtocol;
  private final Direction direction;
  private final Multiaddr remoteAddress;
  private final Multiaddr localAddress;
  private final Clock clock;
  private final Instant openedAt;
  private final MultistreamConfig multistream;
  private final Duration closeTimeout;
  private final AtomicInteger streams = new AtomicInteger();
  private final AtomicBoolean closing = new AtomicBoolean();
  private final CompletableFuture<Void> closeFuture;
  private volatile Instant lastActive;

  HostConnection(Channel channel, SecureSession secure, MuxedSession session, String muxerProtocol,
      Direction direction, Multiaddr remoteAddress, Multiaddr localAddress, Clock clock,
      MultistreamConfig multistream, Duration closeTimeout) {
    this.channel = channel;
    this.secure = secure;
    this.session = session;
    this.muxerProtocol = muxerProtocol;
    this.direction = direction;
    this.remoteAddress = remoteAddress;
    this.localAddress = localAddress;
    this.clock = clock;
    this.openedAt = clock.instant();
    this.lastActive = openedAt;
    this.multistream = multistream;
    this.closeTimeout = closeTimeout;
    this.closeFuture = HostStream.toFuture(channel.closeFuture());
  }

  Channel channel() {
    return channel;
  }

  /** Counts {@code child} as one of this connection's streams until it closes. */
  void track(Channel child) {
    streams.incrementAndGet();
    lastActive = clock.instant();
    child.closeFuture().addListener(f -> {
      streams.decrementAndGet();
      lastActive = clock.instant();
    });
  }

  /**
   * Opens a stream and negotiates one of {@code protocols}; {@code install} then runs on the event
   * loop with the agreed id before any data of the stream is delivered.
   */
  <T> CompletableFuture<T> openStream(List<String> protocols, StreamInstaller<T> install) {
    CompletableFuture<T> result = new CompletableFuture<>();
    session.openStream(new ChannelInitializer<>() {
      @Override
      protected void initChannel(Channel ch) {
        track(ch);
        MultistreamHandler ms = MultistreamHandler.initiator(protocols, multistream);
        ms.selected().whenComplete((id, e) -> {
          if (e != null) {
            result.completeExceptionally(translate(e, protocols));
            ch.close();
            return;
          }
          try {
            result.complete(install.install(ch, id));
          } catch (RuntimeException ex) {
            result.completeExceptionally(ex);
            ch.close();
          }
        });
        ch.pipeline().addLast("multistream", ms);
      }
    }).whenComplete((ch, e) -> {
      if (e != null) {
        result.completeExceptionally(new HostException(
            HostError.CONNECTION_CLOSED, "cannot open stream to " + remotePeer(), e));
      }
    });
    return result;
  }

  private Throwable translate(Throwable e, List<String> protocols) {
    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    if (cause instanceof MultistreamException m && m.error() == MultistreamError.NO_PROTOCOL_AGREED) {
      return new HostException(HostError.PROTOCOL_NOT_SUPPORTED,
          remotePeer() + " supports none of " + protocols, m);
    }
    return cause;
  }

  /** Sets up the child channel after negotiation; runs on the event loop. */
  @FunctionalInterface
  interface StreamInstaller<T> {
    T install(Channel child, String protocol);
  }

  @Override
  public CompletableFuture<Stream> newStream(List<String> protocols) {
    return openStream(protocols, (ch, id) -> new HostStream(ch, id, this, Direction.OUTBOUND));
  }

  @Override
  public PeerId remotePeer() {
    return secure.remotePeer();
  }

  @Override
  public PeerId peer() {
    return secure.remotePeer();
  }

  SecureSession secureSession() {
    return secure;
  }

  @Override
  public Multiaddr remoteAddress() {
    return remoteAddress;
  }

  @Override
  public Multiaddr localAddress() {
    return localAddress;
  }

  @Override
  public Direction direction() {
    return direction;
  }

  @Override
  public String securityProtocol() {
    return secure.protocolId();
  }

  @Override
  public String muxerProtocol() {
    return muxerProtocol;
  }

  @Override
  public Instant openedAt() {
    return openedAt;
  }

  @Override
  public Instant lastActive() {
    return lastActive;
  }

  @Override
  public int streamCount() {
    return streams.get();
  }

  @Override
  public int activeStreams() {
    return streams.get();
  }

  @Override
  public boolean isOpen() {
    return channel.isOpen() && !closing.get();
  }

  /**
   * Graceful close: a go-away (no new streams), then the channel is closed when the streams are
   * done or after {@code closeTimeout}, whichever is first.
   */
  @Override
  public CompletableFuture<Void> close() {
    if (closing.compareAndSet(false, true) && channel.isOpen()) {
      if (streams.get() == 0 || closeTimeout.isZero()) {
        channel.close();
      } else {
        session.goAway().whenComplete((v, e) -> channel.close());
        channel.eventLoop().schedule(() -> channel.close(), closeTimeout.toNanos(), TimeUnit.NANOSECONDS);
      }
    }
    return closeFuture;
  }

  @Override
  public CompletableFuture<Void> closeFuture() {
    return closeFuture;
  }

  @Override
  public String toString() {
    return "Connection[" + direction + " " + remotePeer() + " " + remoteAddress + "]";
  }
}
