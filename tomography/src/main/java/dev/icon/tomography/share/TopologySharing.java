package dev.icon.tomography.share;

import dev.icon.gossip.api.GossipMessage;
import dev.icon.gossip.api.PubSub;
import dev.icon.gossip.api.Registration;
import dev.icon.gossip.api.Subscription;
import dev.icon.gossip.api.ValidationResult;
import dev.icon.overlay.identity.PeerId;
import dev.icon.tomography.map.TopologyMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shares a {@link TopologyMap} over gossip: publishes our own observations as deltas on {@link
 * TopologySharingConfig#topic()} ({@code /icon/topology/1}) and merges the deltas of others.
 *
 * <pre>{@code
 * TopologySharing sharing = new TopologySharing(pubsub, map, TopologySharingConfig.defaults()).start();
 * // our own node: our peer id (a valid node id everywhere); observer: our peer id too
 * TraceEdges.record(map, report, sharing.observer(), sharing.observer(), clock.instant());
 * }</pre>
 *
 * <p>Publishing: record own observations in the map with {@link #observer()} as the observer
 * (edges whose node ids are not canonical, {@link NodeIds}, stay local and are counted in {@link
 * SharingStats#unshareable()}, as are edges dated beyond the map's future skew);
 * changes go out {@link TopologySharingConfig#debounce()} after they happen ({@link DeltaTracker}),
 * changes that could not be sent are retried every {@link TopologySharingConfig#publishInterval()},
 * and every {@link TopologySharingConfig#resendInterval()} a few chunks of all our edges go out
 * again so that peers that joined late converge.
 *
 * <p>Receiving: every message is checked on the router thread before gossip accepts or forwards
 * it ({@link DeltaReceiver}: limits, syntax, author = observer of the delta and of every edge, no
 * future dates; REJECT or IGNORE with a {@link TopologyShareError}); each refusal is counted
 * ({@link #stats()}) and logged at most once per reason and peer per {@link
 * TopologySharingConfig#logInterval()}. Accepted deltas are merged on this object's own thread.
 * Nothing a peer sends makes this class throw into the router.
 *
 * <p>Threading: thread-safe. Work runs on one scheduler thread (ours, or one given, which is then
 * not shut down by {@link #close()}). {@link #start()} and {@link #close()} are idempotent.
 */
public final class TopologySharing implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TopologySharing.class);

  private final PubSub pubsub;
  private final TopologySharingConfig config;
  private final ScheduledExecutorService executor;
  private final boolean ownExecutor;
  private final TopologyDeltaCodec codec;
  private final DeltaReceiver receiver;
  private final DeltaTracker tracker;
  private final RejectionLog rejections;
  private final AtomicBoolean flushScheduled = new AtomicBoolean();
  private final AtomicInteger pendingMerges = new AtomicInteger();
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong publishFailures = new AtomicLong();
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong mergedEdges = new AtomicLong();
  private final Object lifecycle = new Object();
  private boolean started;
  private boolean closed;
  private Subscription subscription;
  private Registration validator;
  private final List<ScheduledFuture<?>> rounds = new ArrayList<>();

  /** Sharing {@code map} on {@code pubsub}, on a scheduler thread of its own. */
  public TopologySharing(PubSub pubsub, TopologyMap map, TopologySharingConfig config) {
    this(pubsub, map, config, Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "topology-sharing");
      t.setDaemon(true);
      return t;
    }), true);
  }

  /** As above, running on {@code executor} (a single-threaded one is best; not shut down here). */
  public TopologySharing(PubSub pubsub, TopologyMap map, TopologySharingConfig config,
      ScheduledExecutorService executor) {
    this(pubsub, map, config, executor, false);
  }

  private TopologySharing(PubSub pubsub, TopologyMap map, TopologySharingConfig config,
      ScheduledExecutorService executor, boolean ownExecutor) {
    this.pubsub = Objects.requireNonNull(pubsub, "pubsub");
    Objects.requireNonNull(map, "map");
    this.config = Objects.requireNonNull(config, "config");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.ownExecutor = ownExecutor;
    this.codec = new TopologyDeltaCodec(config.limits());
    this.receiver = new DeltaReceiver(codec, map);
    this.tracker = new DeltaTracker(map, pubsub.self(), config.limits(), map.clock(),
        this::scheduleFlush);
    this.rejections = new RejectionLog(map.clock(), config.logInterval(), 4096);
  }

  /**
   * Subscribes to the topic, installs the validator, starts tracking the map (edges of ours it
   * already holds are published after the debounce) and the periodic rounds. Returns this.
   */
  public TopologySharing start() {
    synchronized (lifecycle) {
      if (started || closed) {
        return this;
      }
      started = true;
      validator = pubsub.addValidator(config.topic(), this::validate);
      subscription = pubsub.subscribe(config.topic(), this::onMessage);
      tracker.attach();
      long round = config.publishInterval().toNanos();
      rounds.add(executor.scheduleWithFixedDelay(guard("publish round", this::flush), round, round,
          TimeUnit.NANOSECONDS));
      long resend = config.resendInterval().toNanos();
      rounds.add(executor.scheduleWithFixedDelay(guard("resend round", this::resend), resend,
          resend, TimeUnit.NANOSECONDS));
      return this;
    }
  }

  /** The observer id to record our own observations under: our peer id in base58. */
  public String observer() {
    return pubsub.self().toBase58();
  }

  /** Our peer id. */
  public PeerId self() {
    return pubsub.self();
  }

  /** Counters so far. */
  public SharingStats stats() {
    return new SharingStats(published.get(), publishFailures.get(), received.get(),
        mergedEdges.get(), tracker.unshareable(), rejections.counts());
  }

  /** Stops tracking, leaves the topic, removes the validator; idempotent. The map stays. */
  @Override
  public void close() {
    synchronized (lifecycle) {
      if (closed) {
        return;
      }
      closed = true;
      tracker.detach();
      rounds.forEach(f -> f.cancel(false));
      if (subscription != null) {
        runQuietly("unsubscribe", subscription::close);
      }
      if (validator != null) {
        runQuietly("remove validator", validator::close);
      }
      if (ownExecutor) {
        executor.shutdownNow();
      }
    }
  }

  private ValidationResult validate(GossipMessage m) {
    try {
      DeltaVerdict v = receiver.check(m.from(), m.data());
      if (!v.accepted()) {
        rejections.record(v.reason(), m.from() != null ? m.from() : m.receivedFrom(), v.detail());
      }
      return v.result();
    } catch (RuntimeException e) { // never into the router
      rejections.record(TopologyShareError.INTERNAL, m.receivedFrom(), String.valueOf(e));
      return ValidationResult.REJECT;
    }
  }

  private void onMessage(GossipMessage m) {
    if (pendingMerges.incrementAndGet() > config.maxPendingMerges()) {
      pendingMerges.decrementAndGet();
      rejections.record(TopologyShareError.OVERLOADED, m.from(), "merge queue full ("
          + config.maxPendingMerges() + " deltas)");
      return;
    }
    try {
      executor.execute(() -> {
        try {
          DeltaVerdict v = receiver.receive(m.from(), m.data());
          if (v.accepted()) {
            received.incrementAndGet();
            mergedEdges.addAndGet(v.merged());
          }
        } finally {
          pendingMerges.decrementAndGet();
        }
      });
    } catch (RuntimeException e) { // executor shut down: we are closing
      pendingMerges.decrementAndGet();
    }
  }

  private void scheduleFlush() {
    if (flushScheduled.compareAndSet(false, true)) {
      try {
        executor.schedule(guard("publish", this::flush), config.debounce().toNanos(),
            TimeUnit.NANOSECONDS);
      } catch (RuntimeException e) { // shut down: nothing more to publish
        flushScheduled.set(false);
      }
    }
  }

  private void flush() {
    flushScheduled.set(false);
    List<TopologyDeltaFrame> frames = tracker.takeChanges(config.maxDeltasPerRound());
    frames.forEach(this::publish);
    if (tracker.pending() > 0 && !frames.isEmpty()) {
      scheduleFlush();
    }
  }

  private void resend() {
    tracker.nextResend(config.resendChunksPerRound()).forEach(this::publish);
  }

  private void publish(TopologyDeltaFrame frame) {
    byte[] bytes;
    try {
      bytes = codec.encode(frame);
    } catch (TopologyShareException e) { // a bug: the tracker keeps within the limits
      publishFailures.incrementAndGet();
      LOG.warn("topology delta not encoded, dropped: {}", e.getMessage());
      return;
    }
    pubsub.publish(config.topic(), bytes).whenComplete((outcome, error) -> {
      if (error == null) {
        published.incrementAndGet();
        return;
      }
      publishFailures.incrementAndGet();
      if (!frame.fullState()) {
        tracker.restore(frame);
      }
      LOG.debug("topology delta of {} edges not sent, retried later: {}", frame.edges().size(),
          error.toString());
    });
  }

  private static Runnable guard(String what, Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.warn("topology sharing: {} failed, next round goes on", what, e);
      }
    };
  }

  private static void runQuietly(String what, Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      LOG.warn("topology sharing: {} failed while closing", what, e);
    }
  }
}
