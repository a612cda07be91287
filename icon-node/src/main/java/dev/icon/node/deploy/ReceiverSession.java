package dev.icon.node.deploy;

import dev.icon.node.deploy.AdmissionCheck.Admission;
import dev.icon.node.deploy.DeployEvent.Type;
import dev.icon.overlay.api.Stream;
import dev.icon.proto.icon.deploy.Chunk;
import dev.icon.proto.icon.deploy.DeployMessage;
import dev.icon.proto.icon.deploy.Offer;
import dev.icon.proto.icon.deploy.Resume;
import dev.icon.proto.icon.deploy.Verdict;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receiver's state machine for one inbound {@code /icon/deploy/1.0.0} stream: waits for an
 * offer, admits it (agreement, sizes, quotas), answers where to resume, checks and stores chunks
 * in order, and ends with a verdict. Any refusal deletes the partial data; a dropped stream keeps
 * it for a resume until the janitor finds it stale.
 *
 * <p>Threading: a Netty handler on the stream's event loop (after {@link DeployCodec}); {@link
 * #expire()} may be called from the janitor's thread. Chunks are checked and written to the
 * staging file on the event loop (page-cache writes of at most one chunk); the final hash check,
 * fsync and rename run on the disk executor, and the verdict goes back on the event loop.
 */
final class ReceiverSession extends SimpleChannelInboundHandler<DeployMessage> {

  private static final Logger LOG = LoggerFactory.getLogger(ReceiverSession.class);

  /** Where the session stands. */
  enum State { AWAIT_OFFER, RECEIVING, FINISHING, DONE }

  private final Stream stream;
  private final StagingArea area;
  private final AdmissionCheck admission;
  private final DeployConfig config;
  private final Clock clock;
  private final Events events;
  private final Executor disk;
  private State state = State.AWAIT_OFFER;
  private TransferKey key;
  private long total;
  private PartialTransfer transfer;
  private ScheduledFuture<?> offerTimer;

  ReceiverSession(Stream stream, StagingArea area, AdmissionCheck admission, DeployConfig config,
      Clock clock, Events events, Executor disk) {
    super(DeployMessage.class);
    this.disk = disk;
    this.stream = stream;
    this.area = area;
    this.admission = admission;
    this.config = config;
    this.clock = clock;
    this.events = events;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    offerTimer = ctx.executor().schedule(() -> {
      if (state == State.AWAIT_OFFER) {
        LOG.debug("no deploy offer from {} within {}", stream.remotePeer(),
            config.responseTimeout());
        state = State.DONE;
        stream.reset();
      }
    }, config.responseTimeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, DeployMessage message) {
    try {
      switch (state) {
        case AWAIT_OFFER -> onOffer(ctx, message);
        case RECEIVING -> onChunk(ctx, message);
        // Anything after the last chunk cannot change the sealed file: ignored.
        case FINISHING, DONE -> { }
      }
    } catch (DeployException e) {
      refuse(ctx, e);
    }
  }

  private void onOffer(ChannelHandlerContext ctx, DeployMessage message) {
    offerTimer.cancel(false);
    if (!message.hasOffer()) {
      throw new DeployException(DeployError.PROTOCOL_VIOLATION,
          "expected an offer, got " + message.getBodyCase());
    }
    Offer offer = message.getOffer();
    DeployKind kind = OfferChecks.check(offer, config);
    key = new TransferKey(stream.remotePeer(), offer.getAgreementId(), kind);
    total = offer.getTotalSize();
    Admission verdict = admission.check(key.peer(), key.agreementId(), kind,
        offer.getTotalSize());
    if (!verdict.admitted()) {
      throw new DeployException(DeployError.UNKNOWN_AGREEMENT, "agreement "
          + key.agreementId() + " not admitted: " + verdict.reason());
    }
    if (offer.getTotalSize() > verdict.maxBytes()) {
      throw new DeployException(DeployError.TOO_LARGE, offer.getTotalSize()
          + " bytes exceed the " + verdict.maxBytes() + " agreement " + key.agreementId()
          + " allows");
    }
    StagingArea.Opened opened = area.open(key, offer.getTotalSize(),
        offer.getSha256().toByteArray(), offer.getChunkSize(), this);
    if (opened.alreadyStored() != null) {
      state = State.DONE;
      emit(Type.OFFERED, opened.resumeFrom(), null, "");
      emit(Type.COMPLETED, offer.getTotalSize(), null, opened.alreadyStored().toString());
      send(ctx, Verdict.newBuilder().setAccepted(true).setVerifiedBytes(offer.getTotalSize())
          .build());
      return;
    }
    transfer = opened.transfer();
    state = State.RECEIVING;
    emit(Type.OFFERED, opened.resumeFrom(), null, "");
    if (transfer.complete()) {
      finish(ctx);
    } else {
      ctx.writeAndFlush(DeployMessage.newBuilder().setResume(
          Resume.newBuilder().setVerifiedBytes(opened.resumeFrom())).build());
    }
  }

  private void onChunk(ChannelHandlerContext ctx, DeployMessage message) {
    if (!message.hasChunk()) {
      throw new DeployException(DeployError.PROTOCOL_VIOLATION,
          "expected a chunk, got " + message.getBodyCase());
    }
    if (!transfer.ownedBy(this)) {
      LOG.debug("deploy stream from {} lost {} to a newer stream", key.peer(), key);
      state = State.DONE;
      stream.reset();
      return;
    }
    Chunk chunk = message.getChunk();
    long verified = transfer.accept(this, chunk.getOffset(), chunk.getData(), chunk.getSha256(),
        clock.instant());
    emit(Type.PROGRESS, verified, null, "");
    if (verified == transfer.total()) {
      finish(ctx);
    }
  }

  private void finish(ChannelHandlerContext ctx) {
    PartialTransfer done = transfer;
    if (!done.claimFinish()) {
      // Another stream of this sender is completing it right now: this one ends, and the
      // sender's next attempt finds the artifact stored.
      state = State.DONE;
      stream.reset();
      return;
    }
    state = State.FINISHING;
    CompletableFuture.supplyAsync(() -> area.finish(done), disk)
        .whenCompleteAsync((stored, error) -> {
          Throwable cause = error instanceof CompletionException c ? c.getCause() : error;
          if (cause == null) {
            state = State.DONE;
            emit(Type.COMPLETED, done.total(), null, stored.toString());
            send(ctx, Verdict.newBuilder().setAccepted(true).setVerifiedBytes(done.total())
                .build());
          } else if (cause instanceof DeployException d) {
            refuse(ctx, d);
          } else {
            refuse(ctx, new DeployException(DeployError.STORAGE_FAILED,
                "storing " + key + ": " + cause, cause));
          }
        }, ctx.executor());
  }

  private void refuse(ChannelHandlerContext ctx, DeployException e) {
    state = State.DONE;
    long verified = 0;
    if (transfer != null && transfer.ownedBy(this)) {
      verified = transfer.verified();
      area.discard(transfer);
    }
    LOG.debug("refusing deploy from {}: {}", stream.remotePeer(), e.getMessage());
    emit(Type.REFUSED, verified, e.error(), e.getMessage());
    send(ctx, Verdict.newBuilder().setAccepted(false).setRefusal(e.error().wire())
        .setReason(e.getMessage()).setVerifiedBytes(verified).build());
  }

  private void send(ChannelHandlerContext ctx, Verdict verdict) {
    ctx.writeAndFlush(DeployMessage.newBuilder().setVerdict(verdict).build())
        .addListener(f -> stream.close());
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // The codec refused a frame (malformed or oversized) and closes the stream: bad input
    // from the sender, so its partial data goes too.
    DeployError error = cause instanceof DeployException d ? d.error()
        : DeployError.PROTOCOL_VIOLATION;
    if (state != State.DONE) {
      state = State.DONE;
      long verified = 0;
      if (transfer != null && transfer.ownedBy(this)) {
        verified = transfer.verified();
        area.discard(transfer);
      }
      emit(Type.REFUSED, verified, error, String.valueOf(cause.getMessage()));
    }
    LOG.debug("resetting deploy stream from {}: {}", stream.remotePeer(), cause.toString());
    stream.reset();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (offerTimer != null) {
      offerTimer.cancel(false);
    }
    // A dropped stream in RECEIVING keeps its partial data: the sender resumes or the janitor
    // deletes it once stale. One in FINISHING completes (and reports) all the same.
    if (state != State.FINISHING) {
      state = State.DONE;
    }
    ctx.fireChannelInactive();
  }

  /** The janitor deleted this session's transfer: end the stream. */
  void expire() {
    stream.reset();
  }

  private void emit(Type type, long bytes, DeployError error, String detail) {
    events.emit(new DeployEvent(type, stream.remotePeer(),
        key == null ? "" : key.agreementId(), key == null ? null : key.kind(), bytes,
        total, error, detail));
  }
}
