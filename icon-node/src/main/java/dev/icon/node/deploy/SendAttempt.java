package dev.icon.node.deploy;

import com.google.protobuf.UnsafeByteOperations;
import dev.icon.overlay.api.Stream;
import dev.icon.proto.icon.deploy.Chunk;
import dev.icon.proto.icon.deploy.DeployMessage;
import dev.icon.proto.icon.deploy.Offer;
import dev.icon.proto.icon.deploy.Verdict;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sender's state machine for one stream: offers, learns where to resume, sends the chunks
 * from there with at most {@link DeployConfig#maxInFlightChunks()} unhanded writes, and waits for
 * the verdict. {@link #verdict()} completes with the receiver's verdict, or fails with {@link
 * AttemptDropped} (retryable) or {@link DeployException} (final).
 *
 * <p>Threading: inbound frames arrive on the stream's event loop; chunks are read and written on
 * the sender's executor; timeouts fire on the scheduler. State changes are synchronized.
 */
final class SendAttempt extends SimpleChannelInboundHandler<DeployMessage> {

  /** Where the attempt stands. */
  enum State { OFFERED, SENDING, AWAIT_VERDICT, DONE }

  private final Stream stream;
  private final Offer offer;
  private final DeploySource source;
  private final DeployConfig config;
  private final Executor executor;
  private final ScheduledExecutorService scheduler;
  private final AtomicLong bytesSent;
  private final Runnable onChunkSent;
  private final CompletableFuture<Verdict> verdict = new CompletableFuture<>();
  private final CompletableFuture<Long> resumedFrom = new CompletableFuture<>();
  private final ArrayDeque<CompletableFuture<Void>> inFlight = new ArrayDeque<>();
  private State state = State.OFFERED;
  private ScheduledFuture<?> timer;
  private InputStream in;
  private long offset;

  SendAttempt(Stream stream, Offer offer, DeploySource source, DeployConfig config,
      Executor executor, ScheduledExecutorService scheduler, AtomicLong bytesSent,
      Runnable onChunkSent) {
    super(DeployMessage.class);
    this.stream = stream;
    this.offer = offer;
    this.source = source;
    this.config = config;
    this.executor = executor;
    this.scheduler = scheduler;
    this.bytesSent = bytesSent;
    this.onChunkSent = onChunkSent;
    verdict.whenComplete((v, e) -> cleanUp(e != null));
  }

  /** The receiver's verdict (or why this attempt ended without one). */
  CompletableFuture<Verdict> verdict() {
    return verdict;
  }

  /** The offset the receiver told us to resume from. */
  CompletableFuture<Long> resumedFrom() {
    return resumedFrom;
  }

  /** Installs the codec and this handler on the stream and sends the offer. */
  void start() {
    stream.channel().eventLoop().execute(() -> {
      var pipeline = stream.channel().pipeline();
      pipeline.addBefore(Stream.HANDLER_NAME, "deploy-codec",
          new DeployCodec(config.maxFrameSize()));
      pipeline.addBefore(Stream.HANDLER_NAME, "deploy-sender", this);
      stream.channel().config().setAutoRead(true);
      if (!stream.channel().isActive()) {
        drop("stream closed before the offer", null);
        return;
      }
      armTimer("answer to the offer");
      write(DeployMessage.newBuilder().setOffer(offer).build());
    });
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, DeployMessage message) {
    synchronized (this) {
      if (state == State.DONE) {
        return;
      }
      if (message.hasVerdict()) {
        state = State.DONE;
        verdict.complete(message.getVerdict());
        return;
      }
      if (state != State.OFFERED || !message.hasResume()) {
        fail(new DeployException(DeployError.PROTOCOL_VIOLATION,
            "unexpected " + message.getBodyCase() + " from the receiver in " + state));
        return;
      }
      long from = message.getResume().getVerifiedBytes();
      if (from < 0 || from > offer.getTotalSize()
          || (from % offer.getChunkSize() != 0 && from != offer.getTotalSize())) {
        fail(new DeployException(DeployError.PROTOCOL_VIOLATION, "the receiver asked to resume"
            + " from " + Long.toUnsignedString(from) + ", not a chunk boundary within "
            + offer.getTotalSize() + " bytes"));
        return;
      }
      offset = from;
      state = State.SENDING;
      cancelTimer();
      resumedFrom.complete(from);
    }
    executor.execute(this::pump);
  }

  /** Reads and writes chunks until the window is full or all are sent. Runs on the executor. */
  private void pump() {
    try {
      while (true) {
        synchronized (this) {
          if (state != State.SENDING) {
            return;
          }
          if (offset == offer.getTotalSize()) {
            state = State.AWAIT_VERDICT;
            armTimer("verdict");
            return;
          }
          if (inFlight.size() >= config.maxInFlightChunks()) {
            CompletableFuture<Void> oldest = inFlight.removeFirst();
            oldest.thenCompose(v -> stream.writable())
                .orTimeout(config.responseTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenCompleteAsync((v, e) -> {
                  if (e != null) {
                    drop("stream stalled or failed while sending", e);
                  } else {
                    pump();
                  }
                }, executor);
            return;
          }
        }
        sendOneChunk();
      }
    } catch (IOException e) {
      fail(new DeployException(DeployError.SOURCE_FAILED, "reading " + source + ": "
          + e.getMessage(), e));
    } catch (DeployException e) {
      fail(e);
    } catch (RuntimeException e) {
      drop("sending failed", e);
    }
  }

  private void sendOneChunk() throws IOException {
    if (in == null) {
      in = source.open(offset);
    }
    int length = (int) Math.min(offer.getChunkSize(), offer.getTotalSize() - offset);
    byte[] data = in.readNBytes(length);
    if (data.length != length) {
      throw new DeployException(DeployError.SOURCE_FAILED, "the source ended at "
          + (offset + data.length) + " bytes, " + offer.getTotalSize() + " were announced");
    }
    // The arrays are ours alone and never change: wrapping them saves a copy per chunk.
    Chunk chunk = Chunk.newBuilder().setOffset(offset)
        .setData(UnsafeByteOperations.unsafeWrap(data))
        .setSha256(UnsafeByteOperations.unsafeWrap(Sha256.of(data, 0, length))).build();
    CompletableFuture<Void> written = write(DeployMessage.newBuilder().setChunk(chunk).build());
    synchronized (this) {
      if (state != State.SENDING) {
        return; // Dropped meanwhile: the chunk went nowhere and does not count as sent.
      }
      inFlight.addLast(written);
      offset += length;
      bytesSent.addAndGet(length);
    }
    onChunkSent.run();
  }

  private CompletableFuture<Void> write(DeployMessage message) {
    CompletableFuture<Void> written =
        stream.write(DeployCodec.encode(message, config.maxFrameSize()));
    written.whenComplete((v, e) -> {
      if (e != null) {
        drop("write failed", e);
      }
    });
    return written;
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    fail(cause instanceof DeployException d ? d
        : new DeployException(DeployError.PROTOCOL_VIOLATION, String.valueOf(cause), cause));
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    drop("stream closed before a verdict", null);
    ctx.fireChannelInactive();
  }

  private synchronized void armTimer(String what) {
    cancelTimer();
    timer = scheduler.schedule(() -> drop("no " + what + " within "
        + config.responseTimeout(), null), config.responseTimeout().toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private synchronized void cancelTimer() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }

  private void drop(String why, Throwable cause) {
    synchronized (this) {
      if (state == State.DONE) {
        return;
      }
      state = State.DONE;
    }
    verdict.completeExceptionally(new AttemptDropped(why + " (at " + offset + " of "
        + offer.getTotalSize() + " bytes)", cause));
  }

  private void fail(DeployException e) {
    synchronized (this) {
      if (state == State.DONE) {
        return;
      }
      state = State.DONE;
    }
    verdict.completeExceptionally(e);
  }

  private void cleanUp(boolean failed) {
    cancelTimer();
    executor.execute(() -> {
      synchronized (this) {
        if (in != null) {
          try {
            in.close();
          } catch (IOException e) {
            // Nothing more to read from it either way.
          }
          in = null;
        }
      }
    });
    if (failed) {
      stream.reset();
    } else {
      stream.close();
    }
  }
}
