package dev.icon.market.negotiate;

import dev.icon.overlay.api.Direction;
import dev.icon.overlay.api.Stream;
import dev.icon.proto.icon.negotiate.NegotiateFrame;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link NegotiationSession} over one stream: frames with {@link NegotiateCodec}, feeds
 * the session the peer's frames and a step timer, writes its replies and completes a future with
 * the agreement or the failure.
 *
 * <p>Ending: after success the stream is closed once the last frame is written. After a failure
 * the reject (if any) is written first; then the stream is reset when the peer misbehaved ({@link
 * NegotiateError#misbehaviour()}), closed otherwise. A malformed or oversized frame, the stream
 * closing early, or an exception from the policy or evaluator also fail the future and reset the
 * stream. Nothing here outlives the stream, and no failure reaches the connection or the host.
 *
 * <p>Logging: failures of negotiations this side started are logged at info level; failures of
 * inbound ones at debug level only (a hostile peer must not flood our logs), and counted by the
 * controller.
 *
 * <p>Threading: installed and run on the stream's event loop; the future completes there.
 */
final class SessionRunner extends SimpleChannelInboundHandler<NegotiateFrame> {

  private static final Logger LOG = LoggerFactory.getLogger(SessionRunner.class);

  private final Stream stream;
  private final NegotiationSession session;
  private final NegotiateConfig config;
  private final CompletableFuture<SignedAgreement> result = new CompletableFuture<>();
  private ScheduledFuture<?> timer;
  private ChannelHandlerContext ctx;

  private SessionRunner(Stream stream, NegotiationSession session, NegotiateConfig config) {
    super(NegotiateFrame.class);
    this.stream = stream;
    this.session = session;
    this.config = config;
  }

  /**
   * Runs {@code session} on {@code stream}; the future completes with the stored agreement, or
   * fails with a {@link NegotiateException}. May be called from any thread.
   */
  static CompletableFuture<SignedAgreement> run(Stream stream, NegotiationSession session,
      NegotiateConfig config) {
    SessionRunner runner = new SessionRunner(stream, session, config);
    if (stream.channel().eventLoop().inEventLoop()) {
      runner.install();
    } else {
      stream.channel().eventLoop().execute(runner::install);
    }
    return runner.result;
  }

  private void install() {
    stream.channel().pipeline()
        .addBefore(Stream.HANDLER_NAME, "negotiate-codec", new NegotiateCodec(config.maxFrameSize()))
        .addBefore(Stream.HANDLER_NAME, "negotiate-session", this);
    // The host's stream adapter holds reads back until a reader is set; our handlers read.
    stream.channel().config().setAutoRead(true);
    if (!stream.channel().isActive()) {
      finishBroken(new NegotiateException(NegotiateError.UNEXPECTED, "stream closed at once"));
      return;
    }
    armTimer();
    session.open().ifPresent(this::write);
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, NegotiateFrame frame) {
    if (result.isDone()) {
      return;
    }
    NegotiationSession.Step step;
    try {
      step = session.onFrame(frame);
    } catch (RuntimeException e) {
      LOG.warn("negotiation with {} broke: {}", stream.remotePeer(), e.toString());
      finishBroken(new NegotiateException(NegotiateError.DECLINED, "internal error: " + e));
      return;
    }
    apply(step);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    NegotiateException e = cause instanceof NegotiateException n ? n
        : new NegotiateException(NegotiateError.MALFORMED, String.valueOf(cause.getMessage()));
    finishBroken(e);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    finishBroken(new NegotiateException(NegotiateError.UNEXPECTED,
        "stream closed before the negotiation ended"));
    ctx.fireChannelInactive();
  }

  private void apply(NegotiationSession.Step step) {
    if (!step.done()) {
      step.replyFrame().ifPresent(this::write);
      armTimer();
      return;
    }
    cancelTimer();
    if (session.agreement().isPresent()) {
      // Complete first: whoever waits sees the outcome before the stream's end.
      result.complete(session.agreement().get());
      writeThen(step.reply(), stream::close);
      return;
    }
    NegotiateException failure = session.failure().orElseThrow();
    log(failure);
    boolean reset = failure.error().misbehaviour() && !failure.byRemote();
    result.completeExceptionally(failure);
    writeThen(step.reply(), reset ? stream::reset : stream::close);
  }

  private void finishBroken(NegotiateException e) {
    cancelTimer();
    if (result.isDone()) {
      return;
    }
    log(e);
    result.completeExceptionally(e);
    stream.reset();
  }

  private void log(NegotiateException e) {
    if (stream.direction() == Direction.OUTBOUND) {
      LOG.info("negotiation with {} failed: {}", stream.remotePeer(), e.getMessage());
    } else {
      LOG.debug("negotiation from {} failed: {}", stream.remotePeer(), e.getMessage());
    }
  }

  private void write(NegotiateFrame frame) {
    writeThen(frame, () -> { });
  }

  private void writeThen(NegotiateFrame frame, Runnable then) {
    if (frame == null) {
      then.run();
      return;
    }
    ctx.writeAndFlush(frame).addListener(f -> {
      if (!f.isSuccess()) {
        finishBroken(new NegotiateException(NegotiateError.UNEXPECTED,
            "write failed: " + f.cause()));
      }
      then.run();
    });
  }

  private void armTimer() {
    cancelTimer();
    timer = stream.channel().eventLoop().schedule(() -> {
      if (!result.isDone()) {
        apply(session.onTimeout());
      }
    }, config.stepTimeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  private void cancelTimer() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }
}
