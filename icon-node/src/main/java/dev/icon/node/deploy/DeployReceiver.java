package dev.icon.node.deploy;

import dev.icon.node.deploy.DeployEvent.Type;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.api.Stream;
import dev.icon.overlay.identity.PeerId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives artifacts over {@code /icon/deploy/1.0.0} on a host: admits offers through an {@link
 * AdmissionCheck} and the quotas of {@link DeployConfig}, stages chunks in a staging directory
 * (verified one by one), checks the whole hash and moves the file atomically into the store
 * directory as {@code <agreementId>.<image|state>}. A refused, malformed or expired transfer
 * leaves nothing on disk; a dropped one stays resumable until it is {@link
 * DeployConfig#staleAfter()} idle, when the janitor deletes it.
 *
 * <pre>{@code
 * DeployReceiver receiver = DeployReceiver.builder(host, stagingDir, storeDir)
 *     .admission(yard::admit).listener(e -> log(e)).build();
 * receiver.start();
 * }</pre>
 *
 * <p>Threading: thread-safe; {@link #start()} and {@link #stop()} are idempotent. Streams are
 * handled on their event loops; the janitor and the final fsync and rename of each transfer run on
 * the given scheduler.
 */
public final class DeployReceiver implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DeployReceiver.class);

  private final Host host;
  private final DeployConfig config;
  private final AdmissionCheck admission;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final StagingArea area;
  private final Events events = new Events();
  private ScheduledFuture<?> janitor;
  private boolean started;
  private boolean stopped;

  private DeployReceiver(Builder b) {
    this.host = b.host;
    this.config = b.config;
    this.admission = b.admission;
    this.clock = b.clock;
    this.scheduler = b.scheduler;
    this.area = new StagingArea(b.staging, b.store, config, clock);
    if (b.listener != null) {
      events.add(b.listener);
    }
  }

  /**
   * A builder for a receiver on {@code host} staging in {@code staging} and storing complete
   * artifacts in {@code store} (both on one file system, for the atomic move).
   */
  public static Builder builder(Host host, Path staging, Path store) {
    return new Builder(host, staging, store);
  }

  /**
   * Creates the directories, deletes partial files of a previous run, registers the protocol and
   * schedules the janitor.
   *
   * @throws UncheckedIOException when the directories cannot be prepared
   */
  public synchronized void start() {
    if (started) {
      return;
    }
    try {
      int leftovers = area.prepare();
      if (leftovers > 0) {
        LOG.info("deleted {} partial transfers left in {}", leftovers, area.staging());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("preparing " + area.staging() + " and " + area.store(), e);
    }
    started = true;
    host.addProtocol(DeployProtocol.ID, this::handle);
    long period = config.janitorPeriod().toMillis();
    janitor = scheduler.scheduleAtFixedRate(this::sweepQuietly, period, period,
        TimeUnit.MILLISECONDS);
  }

  /** Unregisters the protocol, stops the janitor and deletes every partial transfer. */
  public synchronized void stop() {
    if (!started || stopped) {
      return;
    }
    stopped = true;
    host.removeProtocol(DeployProtocol.ID);
    janitor.cancel(false);
    area.clear();
  }

  @Override
  public void close() {
    stop();
  }

  /**
   * One janitor pass: deletes partial transfers idle longer than {@link DeployConfig#staleAfter()}
   * (by the injected clock), releases their quota, ends their streams and emits {@link
   * Type#EXPIRED} for each.
   *
   * @return how many were deleted
   */
  public int sweepStale() {
    List<PartialTransfer> stale = area.sweep();
    for (PartialTransfer t : stale) {
      if (t.owner() instanceof ReceiverSession s) {
        s.expire();
      }
      events.emit(new DeployEvent(Type.EXPIRED, t.key().peer(), t.key().agreementId(),
          t.key().kind(), t.verified(), t.total(), DeployError.EXPIRED,
          "idle longer than " + config.staleAfter()));
    }
    return stale.size();
  }

  /** Adds a listener. */
  public void addListener(DeployListener listener) {
    events.add(listener);
  }

  /** Removes a listener. */
  public void removeListener(DeployListener listener) {
    events.remove(listener);
  }

  /** Staging bytes reserved by {@code peer}'s unfinished transfers. */
  public long reservedBy(PeerId peer) {
    return area.reservedBy(peer);
  }

  /** Staging bytes reserved by all unfinished transfers. */
  public long reserved() {
    return area.reserved();
  }

  /** Unfinished (partial) transfers held. */
  public int partialTransfers() {
    return area.size();
  }

  /** Where a complete artifact is stored (whether or not it exists yet). */
  public Path storedPath(String agreementId, DeployKind kind) {
    return area.store().resolve(new TransferKey(host.peerId(), agreementId, kind).storeName());
  }

  /** The config. */
  public DeployConfig config() {
    return config;
  }

  private void sweepQuietly() {
    try {
      sweepStale();
    } catch (RuntimeException e) {
      LOG.warn("deploy janitor pass failed: {}", e.toString());
    }
  }

  private void handle(Stream stream) {
    synchronized (this) {
      if (stopped) {
        stream.reset();
        return;
      }
    }
    stream.channel().pipeline()
        .addBefore(Stream.HANDLER_NAME, "deploy-codec", new DeployCodec(config.maxFrameSize()))
        .addBefore(Stream.HANDLER_NAME, "deploy-receiver",
            new ReceiverSession(stream, area, admission, config, clock, events, scheduler));
    // The host's stream adapter holds reads back until a reader is set; our handlers read.
    stream.channel().config().setAutoRead(true);
  }

  /** Builds a {@link DeployReceiver}. Not thread-safe. */
  public static final class Builder {
    private final Host host;
    private final Path staging;
    private final Path store;
    private DeployConfig config = DeployConfig.defaults();
    private AdmissionCheck admission = (p, a, k, s) -> AdmissionCheck.Admission.deny(
        "no admission check configured");
    private Clock clock = Clock.systemUTC();
    private ScheduledExecutorService scheduler;
    private DeployListener listener;

    Builder(Host host, Path staging, Path store) {
      this.host = Objects.requireNonNull(host, "host");
      this.staging = Objects.requireNonNull(staging, "staging");
      this.store = Objects.requireNonNull(store, "store");
    }

    /** Limits and timings (default {@link DeployConfig#defaults()}). */
    public Builder config(DeployConfig v) {
      config = Objects.requireNonNull(v, "config");
      return this;
    }

    /** Which agreements may send and how much (default: refuses everything). */
    public Builder admission(AdmissionCheck v) {
      admission = Objects.requireNonNull(v, "admission");
      return this;
    }

    /** The clock for idle times (default system UTC). */
    public Builder clock(Clock v) {
      clock = Objects.requireNonNull(v, "clock");
      return this;
    }

    /**
     * Runs the janitor and each completed transfer's hash check, fsync and rename (required: the
     * caller owns and shuts it down).
     */
    public Builder scheduler(ScheduledExecutorService v) {
      scheduler = Objects.requireNonNull(v, "scheduler");
      return this;
    }

    /** A listener registered before anything can happen. */
    public Builder listener(DeployListener v) {
      listener = Objects.requireNonNull(v, "listener");
      return this;
    }

    /**
     * The receiver (not started).
     *
     * @throws IllegalStateException when no scheduler was given
     */
    public DeployReceiver build() {
      if (scheduler == null) {
        throw new IllegalStateException("scheduler is required (it runs the janitor)");
      }
      return new DeployReceiver(this);
    }
  }
}
