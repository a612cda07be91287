package dev.icon.node.deploy;

import dev.icon.overlay.api.Host;
import dev.icon.overlay.identity.PeerId;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Sends artifacts over {@code /icon/deploy/1.0.0}: offers the artifact, sends the chunks from
 * where the receiver's verified data ends, and on a dropped stream or connection reconnects (at
 * most {@link DeployConfig#maxAttempts()} streams, doubling backoff from {@link
 * DeployConfig#initialBackoff()}) and resumes without resending verified chunks.
 *
 * <pre>{@code
 * DeploySender sender = DeploySender.builder(host).executor(ioPool).scheduler(timers).build();
 * DeployReceipt r = sender.send(provider, "agr-42", DeployKind.IMAGE,
 *     DeploySource.ofFile(imageTar)).join();
 * }</pre>
 *
 * <p>Threading: thread-safe; {@link #send} returns at once. Sources are read on the executor;
 * backoffs and timeouts run on the scheduler; the future completes on one of those threads or an
 * event loop (move blocking dependents elsewhere). Cancelling the future resets the current
 * stream and stops retrying.
 */
public final class DeploySender {

  private final Host host;
  private final DeployConfig config;
  private final Executor executor;
  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private final Events events = new Events();

  private DeploySender(Builder b) {
    this.host = b.host;
    this.config = b.config;
    this.executor = b.executor;
    this.scheduler = b.scheduler;
    this.clock = b.clock;
    if (b.listener != null) {
      events.add(b.listener);
    }
  }

  /** A builder for a sender on {@code host}. */
  public static Builder builder(Host host) {
    return new Builder(host);
  }

  /**
   * Sends {@code source} to {@code peer} as the {@code kind} of {@code agreementId}.
   *
   * @return the receipt once the receiver verified and stored everything; fails with a {@link
   *     DeployException}: the receiver's refusal ({@link DeployError#UNKNOWN_AGREEMENT}, {@link
   *     DeployError#TOTAL_HASH_MISMATCH}, ...), {@link DeployError#SOURCE_FAILED} or {@link
   *     DeployError#RETRIES_EXHAUSTED}
   * @throws IllegalArgumentException for an agreement id the receiver would refuse
   */
  public CompletableFuture<DeployReceipt> send(PeerId peer, String agreementId, DeployKind kind,
      DeploySource source) {
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(source, "source");
    if (!TransferKey.validAgreementId(agreementId)) {
      throw new IllegalArgumentException("agreementId must match "
          + TransferKey.AGREEMENT_ID + ": " + agreementId);
    }
    return new SendJob(host, peer, agreementId, kind, source, config, executor, scheduler, clock,
        events).run();
  }

  /** Adds a listener. */
  public void addListener(DeployListener listener) {
    events.add(listener);
  }

  /** The config. */
  public DeployConfig config() {
    return config;
  }

  /** Builds a {@link DeploySender}. Not thread-safe. */
  public static final class Builder {
    private final Host host;
    private DeployConfig config = DeployConfig.defaults();
    private Executor executor;
    private ScheduledExecutorService scheduler;
    private Clock clock = Clock.systemUTC();
    private DeployListener listener;

    Builder(Host host) {
      this.host = Objects.requireNonNull(host, "host");
    }

    /** Chunk size, retries, backoff, timeouts (default {@link DeployConfig#defaults()}). */
    public Builder config(DeployConfig v) {
      config = Objects.requireNonNull(v, "config");
      return this;
    }

    /** Reads sources (blocking reads): required, owned by the caller. */
    public Builder executor(Executor v) {
      executor = Objects.requireNonNull(v, "executor");
      return this;
    }

    /** Runs backoffs and timeouts: required, owned by the caller. */
    public Builder scheduler(ScheduledExecutorService v) {
      scheduler = Objects.requireNonNull(v, "scheduler");
      return this;
    }

    /** Measures elapsed times in receipts (default system UTC). */
    public Builder clock(Clock v) {
      clock = Objects.requireNonNull(v, "clock");
      return this;
    }

    /** A listener registered before anything can happen. */
    public Builder listener(DeployListener v) {
      listener = Objects.requireNonNull(v, "listener");
      return this;
    }

    /**
     * The sender.
     *
     * @throws IllegalStateException naming a missing executor or scheduler
     */
    public DeploySender build() {
      if (executor == null) {
        throw new IllegalStateException("executor is required (it reads sources)");
      }
      if (scheduler == null) {
        throw new IllegalStateException("scheduler is required (it runs backoffs and timeouts)");
      }
      return new DeploySender(this);
    }
  }
}
