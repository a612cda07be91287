package dev.icon.node.deploy;

import com.google.protobuf.ByteString;
import dev.icon.node.deploy.DeployEvent.Type;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.identity.PeerId;
import dev.icon.proto.icon.deploy.Offer;
import dev.icon.proto.icon.deploy.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One transfer on the sender: opens a stream per attempt ({@link SendAttempt}), and after a drop
 * waits ({@link Backoff}) and opens another, which resumes where the receiver's verified data
 * ends; up to {@link DeployConfig#maxAttempts()}. A refusal or a local error ends it at once.
 *
 * <p>Threading: attempts run one after another; callbacks come from event loops, the executor
 * and the scheduler, each touching the job only between attempts.
 */
final class SendJob {

  private static final Logger LOG = LoggerFactory.getLogger(SendJob.class);

  private final Host host;
  private final PeerId peer;
  private final String agreementId;
  private final DeployKind kind;
  private final DeploySource source;
  private final Offer offer;
  private final DeployConfig config;
  private final Executor executor;
  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private final Events events;
  private final Instant started;
  private final AtomicLong bytesSent = new AtomicLong();
  private final List<Long> resumedFrom = new ArrayList<>();
  private final CompletableFuture<DeployReceipt> receipt = new CompletableFuture<>();
  private int attempts;

  SendJob(Host host, PeerId peer, String agreementId, DeployKind kind, DeploySource source,
      DeployConfig config, Executor executor, ScheduledExecutorService scheduler, Clock clock,
      Events events) {
    this.host = host;
    this.peer = peer;
    this.agreementId = agreementId;
    this.kind = kind;
    this.source = source;
    this.config = config;
    this.executor = executor;
    this.scheduler = scheduler;
    this.clock = clock;
    this.events = events;
    this.started = clock.instant();
    this.offer = Offer.newBuilder().setAgreementId(agreementId).setKind(kind.wire())
        .setTotalSize(source.size()).setSha256(ByteString.copyFrom(source.sha256()))
        .setChunkSize(config.chunkSize()).build();
  }

  /** Starts the first attempt; the future completes with the receipt or the final error. */
  CompletableFuture<DeployReceipt> run() {
    attempt();
    return receipt;
  }

  private void attempt() {
    if (receipt.isDone()) {
      return; // Cancelled by the caller.
    }
    attempts++;
    emit(Type.ATTEMPT, null, "attempt " + attempts);
    host.newStream(peer, List.of(DeployProtocol.ID))
        .thenCompose(stream -> {
          SendAttempt a = new SendAttempt(stream, offer, source, config, executor, scheduler,
              bytesSent, () -> emit(Type.PROGRESS, null, ""));
          a.resumedFrom().thenAccept(this::resumed);
          receipt.whenComplete((r, e) -> {
            if (e != null) {
              stream.reset(); // The caller cancelled: stop this attempt's stream too.
            }
          });
          a.start();
          return a.verdict();
        })
        .whenComplete(this::attemptEnded);
  }

  private synchronized void resumed(long from) {
    resumedFrom.add(from);
  }

  private void attemptEnded(Verdict verdict, Throwable error) {
    Throwable cause = error instanceof CompletionException c && c.getCause() != null
        ? c.getCause() : error;
    if (cause == null && verdict.getAccepted()) {
      DeployReceipt r = new DeployReceipt(peer, agreementId, kind, source.size(),
          Sha256.hex(source.sha256()), bytesSent.get(), attempts, snapshot(),
          Duration.between(started, clock.instant()));
      emit(Type.SENT, null, "");
      receipt.complete(r);
      return;
    }
    if (cause == null) {
      DeployError e = DeployError.fromWire(verdict.getRefusal());
      finish(new DeployException(e, "refused by " + peer + ": " + verdict.getReason()));
      return;
    }
    if (cause instanceof DeployException d) {
      finish(d);
      return;
    }
    if (attempts >= config.maxAttempts()) {
      finish(new DeployException(DeployError.RETRIES_EXHAUSTED, attempts + " attempts to send "
          + agreementId + " " + kind + " to " + peer + " failed; last: " + cause.getMessage(),
          cause));
      return;
    }
    Duration wait = Backoff.before(attempts + 1, config);
    LOG.debug("deploy attempt {} to {} dropped ({}); retrying in {}", attempts, peer,
        cause.getMessage(), wait);
    emit(Type.RETRYING, DeployError.RETRIES_EXHAUSTED, String.valueOf(cause.getMessage()));
    scheduler.schedule(this::attempt, wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void finish(DeployException e) {
    emit(Type.FAILED, e.error(), e.getMessage());
    receipt.completeExceptionally(e);
  }

  private synchronized List<Long> snapshot() {
    return List.copyOf(resumedFrom);
  }

  private void emit(Type type, DeployError error, String detail) {
    events.emit(new DeployEvent(type, peer, agreementId, kind, bytesSent.get(), source.size(),
        error, detail));
  }
}
