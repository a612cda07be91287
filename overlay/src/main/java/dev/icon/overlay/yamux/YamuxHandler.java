package dev.icon.overlay.yamux;

import dev.icon.overlay.spi.Role;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
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
 */
public final class YamuxHandler extends ChannelDuplexHandler {
  private static final Logger log = LoggerFactory.getLogger(YamuxHandler.class);

  private enum State { OPEN, GOING_AWAY, CLOSED }

  private record PendingOpen(ChannelInitializer<Channel> init, CompletableFuture<Channel> result) {}

  private final YamuxConfig config;
  private final ChannelInitializer<Channel> inboundInitializer;
  private final Channel connection;
  private final int remoteParity;
  private final YamuxSession session;
  private final YamuxPings pings;
  private final Map<Integer, YamuxStreamChannel> streams = new HashMap<>();
  private final ArrayDeque<PendingOpen> pendingOpens = new ArrayDeque<>();
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private ChannelHandlerContext ctx;
  private State state = State.OPEN;
  private long nextStreamId;
  private int unackedOutbound;
  private int rejections;
  private boolean started;
  private boolean goAwaySent;
  private volatile boolean remoteGoAway;
  private volatile int streamCount;
  private ScheduledFuture<?> keepAlive;

  YamuxHandler(Channel connection, Role role, YamuxConfig config,
      ChannelInitializer<Channel> inboundInitializer) {
    this.connection = connection;
    this.config = config;
    this.inboundInitializer = inboundInitializer;
    this.nextStreamId = role == Role.INITIATOR ? 1 : 2;
    this.remoteParity = role == Role.INITIATOR ? 0 : 1;
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
    return streamCount;
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
      keepAlive = ctx.executor().scheduleAtFixedRate(() -> ping().whenComplete((rtt, e) -> {
        if (e != null && state != State.CLOSED) {
          failConnection(new YamuxException(YamuxError.PING_TIMEOUT, "keepalive unanswered"));
        }
      }), interval, interval, TimeUnit.NANOSECONDS);
    }
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
      for (YamuxStreamChannel s : new ArrayList<>(streams.values())) {
        if (s.hasPendingWrites()) {
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
    if (state == State.CLOSED && streams.isEmpty() && pendingOpens.isEmpty()) {
      return;
    }
    state = State.CLOSED;
    if (keepAlive != null) {
      keepAlive.cancel(false);
    }
    YamuxException cause = new YamuxException(YamuxError.SESSION_CLOSED, "connection closed");
    failPendingOpens(cause);
    pings.failAll(cause);
    for (YamuxStreamChannel s : new ArrayList<>(streams.values())) {
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
      s = f.hasFlag(YamuxFrame.SYN) ? accept(id) : streams.get(id);
    } catch (YamuxException e) {
      f.release();
      throw e;
    }
    if (s == null) {
      f.release(); // refused, or a late frame for a finished stream
      return;
    }
    if (f.hasFlag(YamuxFrame.ACK) && s.markAcknowledged()) {
      unackedOutbound--;
      drainPendingOpens();
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

  private YamuxStreamChannel accept(int id) {
    if ((id & 1) != remoteParity) {
      throw new YamuxException(YamuxError.INVALID_STREAM_ID,
          "SYN on stream " + Integer.toUnsignedString(id) + " with our parity");
    }
    if (streams.containsKey(id)) {
      throw new YamuxException(YamuxError.INVALID_STREAM_ID,
          "SYN reuses live stream " + Integer.toUnsignedString(id));
    }
    if (state != State.OPEN) {
      refuse(id);
      return null;
    }
    if (streams.size() >= config.maxStreams()) {
      refuse(id);
      if (++rejections > config.maxStreamRejections()) {
        throw new YamuxException(YamuxError.STREAM_LIMIT_ABUSE,
            "remote opened " + rejections + " streams beyond the limit of " + config.maxStreams());
      }
      log.debug("yamux: refused stream {} on {}: limit {}", id, connection, config.maxStreams());
      return null;
    }
    YamuxStreamChannel s = new YamuxStreamChannel(this, id, false);
    add(s);
    long delta = s.receiveWindow().initialDelta();
    if (delta > 0) {
      s.sendAckNow(delta);
      flush();
    }
    register(s, inboundInitializer, null);
    return s;
  }

  private void refuse(int id) {
    writeFrame(YamuxFrame.windowUpdate(id, YamuxFrame.RST, 0));
    flush();
  }

  private void onPing(YamuxFrame f) {
    if (f.hasFlag(YamuxFrame.SYN)) {
      writeFrame(YamuxFrame.ping(YamuxFrame.ACK, f.length()));
      flush();
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
    failPendingOpens(new YamuxException(YamuxError.GOING_AWAY, "remote sent go-away"));
  }

  // ---- operations (event loop) ----

  void openStream(ChannelInitializer<Channel> init, CompletableFuture<Channel> result) {
    if (state == State.CLOSED || !connection.isActive()) {
      result.completeExceptionally(
          new YamuxException(YamuxError.SESSION_CLOSED, "connection closed"));
    } else if (state == State.GOING_AWAY || remoteGoAway) {
      result.completeExceptionally(new YamuxException(YamuxError.GOING_AWAY,
          remoteGoAway ? "remote sent go-away" : "we sent go-away"));
    } else if (streams.size() + pendingOpens.size() >= config.maxStreams()) {
      result.completeExceptionally(new YamuxException(YamuxError.STREAM_LIMIT,
          "already " + streams.size() + " streams, limit " + config.maxStreams()));
    } else if (unackedOutbound >= config.ackBacklog()) {
      pendingOpens.add(new PendingOpen(init, result));
    } else {
      doOpen(init, result);
    }
  }

  private void doOpen(ChannelInitializer<Channel> init, CompletableFuture<Channel> result) {
    if (nextStreamId > 0xFFFF_FFFFL) {
      result.completeExceptionally(
          new YamuxException(YamuxError.STREAM_IDS_EXHAUSTED, "no stream ids left"));
      return;
    }
    int id = (int) nextStreamId;
    nextStreamId += 2;
    YamuxStreamChannel s = new YamuxStreamChannel(this, id, true);
    add(s);
    unackedOutbound++;
    writeFrame(YamuxFrame.windowUpdate(id, YamuxFrame.SYN, s.receiveWindow().initialDelta()));
    flush();
    register(s, init, result);
  }

  private void drainPendingOpens() {
    while (!pendingOpens.isEmpty() && unackedOutbound < config.ackBacklog()) {
      PendingOpen p = pendingOpens.poll();
      openStreamFromQueue(p);
    }
  }

  private void openStreamFromQueue(PendingOpen p) {
    if (state != State.OPEN || remoteGoAway) {
      p.result.completeExceptionally(new YamuxException(YamuxError.GOING_AWAY, "going away"));
    } else {
      doOpen(p.init, p.result);
    }
  }

  private void failPendingOpens(YamuxException cause) {
    PendingOpen p;
    while ((p = pendingOpens.poll()) != null) {
      p.result.completeExceptionally(cause);
    }
  }

  private void add(YamuxStreamChannel s) {
    streams.put(s.streamId(), s);
    streamCount = streams.size();
  }

  private void register(YamuxStreamChannel s, ChannelInitializer<Channel> init,
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
    failPendingOpens(new YamuxException(YamuxError.GOING_AWAY, "we sent go-away"));
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
    if (streams.remove(s.streamId(), s)) {
      streamCount = streams.size();
      if (s.markAcknowledged()) {
        unackedOutbound--;
        drainPendingOpens();
      }
      if (state == State.GOING_AWAY && streams.isEmpty()) {
        ctx.close();
      }
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
