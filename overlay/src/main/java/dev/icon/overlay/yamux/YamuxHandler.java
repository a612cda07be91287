package dev.icon.overlay.yamux;

import dev.icon.overlay.spi.Role;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Yamux session state machine of one connection: routes frames to {@link YamuxStreamChannel}s,
 * opens and accepts streams (ids by role: initiator odd, responder even), enforces the stream
 * limit, the ACK backlog and the receive windows, answers pings and handles go-away. Sits right
 * after {@link YamuxCodec}; the last handler of the connection pipeline.
 *
 * <p>Threading: everything runs on the connection's event loop; {@link YamuxSession} is the
 * thread-safe facade. Ownership: inbound frames are released here or handed to a stream.
 * A connection error (see {@link YamuxError}) is logged, answered with a go-away carrying its code,
 * and closes the connection; the streams then close without an exception.
 *
 * <p>Keepalive: every {@code keepAliveInterval} a ping is sent; if it stays unanswered for
 * {@code pingTimeout} AND no frame at all arrived since it was sent, the connection is cut
 * ({@link YamuxError#PING_TIMEOUT}). Any inbound frame counts as liveness (as in go-yamux): a
 * peer whose answer waits behind a backlog of data it is still sending us is busy, not dead.
 */
public final class YamuxHandler extends ChannelDuplexHandler {
  private static final Logger log = LoggerFactory.getLogger(YamuxHandler.class);

  private enum State { OPEN, GOING_AWAY, CLOSED }

  private final YamuxConfig config;
  private final ChannelInitializer<Channel> inboundInitializer;
  private final Channel connection;
  private final YamuxSession session;
  private final YamuxPings pings;
  private final YamuxStreams streams;
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private ChannelHandlerContext ctx;
  private State state = State.OPEN;
  private boolean started;
  private boolean goAwaySent;
  private boolean shutdownDone;
  private long deferredPingAck = -1;
  /** Frames received so far: the keepalive's liveness evidence. */
  private long framesReceived;
  private volatile boolean remoteGoAway;
  private ScheduledFuture<?> keepAlive;

  YamuxHandler(Channel connection, Role role, YamuxConfig config,
      ChannelInitializer<Channel> inboundInitializer) {
    this.connection = connection;
    this.config = config;
    this.inboundInitializer = inboundInitializer;
    this.streams = new YamuxStreams(this, role, config);
    this.pings = new YamuxPings(config.nanoClock(), config.pingTimeout());
    this.session = new YamuxSession(this);
    connection.closeFuture().addListener(f -> closed.complete(null));
  }

  YamuxSession session() {
    return session;
  }

  YamuxConfig config() {
    return config;
  }

  Channel connection() {
    return connection;
  }

  int streamCount() {
    return streams.count();
  }

  boolean remoteGoneAway() {
    return remoteGoAway;
  }

  long rttNanos() {
    return pings.rttNanos();
  }

  CompletableFuture<Void> closedFuture() {
    return closed;
  }

  // ---- pipeline events ----

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    if (ctx.channel().isActive()) {
      start();
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    start();
    ctx.fireChannelActive();
  }

  private void start() {
    if (started) {
      return;
    }
    started = true;
    ping(); // first RTT sample, for receive-window auto-tuning
    long interval = config.keepAliveInterval().toNanos();
    if (interval > 0) {
      keepAlive = ctx.executor().scheduleAtFixedRate(this::keepAlive, interval, interval,
          TimeUnit.NANOSECONDS);
    }
  }

  /** Sends a keepalive ping; cuts the connection only if it times out with nothing received. */
  private void keepAlive() {
    long receivedBefore = framesReceived;
    ping().whenComplete((rtt, e) -> {
      if (e == null || state == State.CLOSED) {
        return;
      }
      if (framesReceived != receivedBefore) {
        log.debug("yamux: keepalive on {} unanswered but frames keep arriving: alive", connection);
        return;
      }
      failConnection(new YamuxException(YamuxError.PING_TIMEOUT,
          "keepalive unanswered and nothing received for " + config.pingTimeout()));
    });
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof YamuxFrame frame)) {
      ctx.fireChannelRead(msg);
      return;
    }
    if (state == State.CLOSED) {
      frame.release();
      return;
    }
    framesReceived++;
    try {
      switch (frame.type()) {
        case DATA, WINDOW_UPDATE -> onStreamFrame(frame);
        case PING -> onPing(frame);
        case GO_AWAY -> onGoAway(frame);
        default -> throw new IllegalStateException("unreachable: " + frame.type());
      }
    } catch (YamuxException e) {
      failConnection(e);
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (ctx.channel().isWritable()) {
      if (deferredPingAck >= 0) {
        writeFrame(YamuxFrame.ping(YamuxFrame.ACK, deferredPingAck));
        flush();
        deferredPingAck = -1;
      }
      for (YamuxStreamChannel s : streams.snapshot()) {
        if (s.hasPendingWrites() && s.sendWindow() > 0) {
          s.resumeWrite();
        }
      }
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (state == State.CLOSED) {
      return;
    }
    if (cause instanceof YamuxException e && e.error().isConnectionError()) {
      failConnection(e);
    } else if (cause instanceof IOException) {
      log.debug("yamux: connection {} failed: {}", connection, cause.toString());
      state = State.CLOSED;
      ctx.close();
    } else {
      log.warn("yamux: closing {} after an unexpected error", connection, cause);
      failConnection(new YamuxException(YamuxError.INTERNAL, String.valueOf(cause)));
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    shutdown();
    ctx.fireChannelInactive();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    shutdown();
  }

  private void shutdown() {
    if (state == State.CLOSED && streams.isEmpty() && shutdownDone) {
      return;
    }
    shutdownDone = true;
    state = State.CLOSED;
    if (keepAlive != null) {
      keepAlive.cancel(false);
    }
    YamuxException cause = new YamuxException(YamuxError.SESSION_CLOSED, "connection closed");
    streams.failPending(cause);
    pings.failAll(cause);
    for (YamuxStreamChannel s : streams.snapshot()) {
      s.onConnectionClosed();
    }
  }

  // ---- inbound frames ----

  private void onStreamFrame(YamuxFrame f) {
    int id = f.streamId();
    YamuxStreamChannel s;
    try {
      if (id == 0) {
        throw new YamuxException(YamuxError.MALFORMED_FRAME, f.type() + " frame on stream 0");
      }
      s = f.hasFlag(YamuxFrame.SYN)
          ? streams.accept(id, state != State.OPEN, inboundInitializer) : streams.get(id);
    } catch (YamuxException e) {
      f.release();
      throw e;
    }
    if (s == null) {
      f.release(); // refused, or a late frame for a finished stream
      return;
    }
    if (f.hasFlag(YamuxFrame.ACK)) {
      streams.acknowledged(s);
    }
    if (f.type() == YamuxFrameType.DATA) {
      if (f.length() == 0) {
        f.release();
      } else if (!s.onData(f.data())) {
        throw new YamuxException(YamuxError.WINDOW_EXCEEDED, "stream "
            + Integer.toUnsignedString(id) + " sent " + f.length() + " bytes beyond its window");
      }
    } else if (f.length() > 0) {
      s.onWindowUpdate(f.length());
    }
    if (f.hasFlag(YamuxFrame.RST)) {
      s.onRemoteReset();
    } else if (f.hasFlag(YamuxFrame.FIN)) {
      s.onRemoteFin();
    }
  }

  private void onPing(YamuxFrame f) {
    if (f.hasFlag(YamuxFrame.SYN)) {
      if (connection.isWritable()) {
        writeFrame(YamuxFrame.ping(YamuxFrame.ACK, f.length()));
        flush();
      } else {
        // A peer that pings but does not read must not grow our outbound buffer: answer only
        // the latest ping once the connection drains (legitimate peers keep one ping in flight).
        deferredPingAck = f.length();
      }
    } else if (f.hasFlag(YamuxFrame.ACK)) {
      pings.onResponse(f.length());
    }
  }

  private void onGoAway(YamuxFrame f) {
    remoteGoAway = true;
    if (f.length() == YamuxProtocol.GO_AWAY_NORMAL) {
      log.debug("yamux: remote {} is going away", connection);
    } else {
      log.warn("yamux: remote {} is going away with error code {}", connection, f.length());
    }
    streams.failPending(new YamuxException(YamuxError.GOING_AWAY, "remote sent go-away"));
  }

  // ---- operations (event loop) ----

  void openStream(ChannelInitializer<Channel> init, CompletableFuture<Channel> result) {
    YamuxException refusal = openRefusal();
    if (refusal != null) {
      result.completeExceptionally(refusal);
    } else {
      streams.open(init, result);
    }
  }

  /** Why no stream may be opened now, or null if one may. */
  YamuxException openRefusal() {
    if (state == State.CLOSED || !connection.isActive()) {
      return new YamuxException(YamuxError.SESSION_CLOSED, "connection closed");
    }
    if (state == State.GOING_AWAY || remoteGoAway) {
      return new YamuxException(YamuxError.GOING_AWAY,
          remoteGoAway ? "remote sent go-away" : "we sent go-away");
    }
    return null;
  }

  void register(YamuxStreamChannel s, ChannelInitializer<Channel> init,
      CompletableFuture<Channel> result) {
    s.pipeline().addLast(init);
    connection.eventLoop().register(s).addListener(f -> {
      if (f.isSuccess()) {
        if (result != null) {
          result.complete(s);
        }
      } else {
        log.warn("yamux: could not register {}", s, f.cause());
        s.reset();
        if (result != null) {
          result.completeExceptionally(f.cause());
        }
      }
    });
  }

  CompletableFuture<Duration> ping() {
    if (state == State.CLOSED) {
      return CompletableFuture.failedFuture(
          new YamuxException(YamuxError.SESSION_CLOSED, "connection closed"));
    }
    return pings.start(ctx.executor(), opaque -> {
      writeFrame(YamuxFrame.ping(YamuxFrame.SYN, opaque));
      flush();
    });
  }

  void goAway() {
    if (state != State.OPEN) {
      return;
    }
    state = State.GOING_AWAY;
    sendGoAway(YamuxProtocol.GO_AWAY_NORMAL);
    streams.failPending(new YamuxException(YamuxError.GOING_AWAY, "we sent go-away"));
    if (streams.isEmpty()) {
      ctx.close();
    } else {
      ctx.executor().schedule(() -> {
        ctx.close();
      }, config.goAwayTimeout().toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  // ---- callbacks from streams ----

  void onStreamRemoved(YamuxStreamChannel s) {
    if (streams.remove(s) && state == State.GOING_AWAY && streams.isEmpty()) {
      ctx.close();
    }
  }

  void onConsumed(YamuxStreamChannel s, long bytes) {
    long delta = s.receiveWindow().onConsumed(bytes, config.nanoClock().getAsLong(), rttNanos());
    if (delta > 0) {
      writeFrame(YamuxFrame.windowUpdate(s.streamId(), s.takeAckFlag(), delta));
      flush();
    }
  }

  void logStreamError(YamuxStreamChannel s, String reason) {
    log.debug("yamux: resetting {}: {}", s, reason);
  }

  void writeFrame(YamuxFrame frame) {
    if (ctx == null || !connection.isActive()) {
      frame.release();
      return;
    }
    ctx.write(frame, ctx.voidPromise());
  }

  void flush() {
    if (ctx != null) {
      ctx.flush();
    }
  }

  private void sendGoAway(int code) {
    if (!goAwaySent) {
      goAwaySent = true;
      writeFrame(YamuxFrame.goAway(code));
      flush();
    }
  }

  private void failConnection(YamuxException e) {
    if (state == State.CLOSED) {
      return;
    }
    log.warn("yamux: closing {}: {}", connection, e.getMessage());
    sendGoAway(e.error().goAwayCode());
    state = State.CLOSED;
    ctx.close();
  }
}
