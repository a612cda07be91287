package dev.icon.market.auction;

import dev.icon.gossip.api.GossipMessage;
import dev.icon.gossip.api.PubSub;
import dev.icon.gossip.api.Registration;
import dev.icon.gossip.api.Subscription;
import dev.icon.gossip.api.ValidationResult;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.proto.icon.market.ClearingAnnouncement;
import dev.icon.proto.icon.market.MarketMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One peer's part in the sealed-bid market on a gossip topic. It commits our offers in a round's
 * commit window (a digest of offer and nonce), reveals them in the reveal window, then clears
 * every round it tracked with the {@link ClearingFunction} and announces the digests (and the
 * result, if it fits) of its clearing. A topic validator checks every received message: signed by
 * the gossip author, for this market, inside its round's window, reveal equal to commit; and a
 * clearing announcement equal to ours. Refusals reach {@link MarketListener#onRejected} with a
 * reason and are counted; the gossip verdict is the error's {@link MarketError#verdict()}, so a
 * peer that publishes a wrong clearing is REJECTed and loses score.
 *
 * <p>Time comes from the injected clock only; nothing happens between calls to {@link #tick()}
 * except the handling of received messages, so tests drive the phases by moving a clock. A
 * deployment calls {@link #tick()} on a timer (a fraction of the commit window, e.g. 1 s).
 *
 * <p>Threading: thread-safe; one lock guards all state. Received messages are handled on the
 * gossip router thread, {@link #tick()} and {@link #submit} on the caller's; listeners run under
 * the lock (see {@link MarketListener}). Publishing happens outside the lock.
 */
public final class MarketParticipant implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MarketParticipant.class);
  private final PubSub pubsub;
  private final PrivateKey key;
  private final PeerId self;
  private final MarketConfig config;
  private final java.time.Clock clock;
  private final MarketCodec codec;
  private final MarketEvents events = new MarketEvents();
  private final MarketState state;
  private final OwnOffers own;
  private final Set<Long> announced = new HashSet<>();
  private Subscription subscription;
  private Registration validator;
  private boolean closed;

  MarketParticipant(MarketParticipantBuilder b) {
    this.pubsub = b.pubsub;
    this.key = b.key;
    this.self = key.publicKey().peerId();
    this.config = b.config;
    this.clock = b.clock;
    this.codec = new MarketCodec(config.maxMessageBytes());
    this.state = new MarketState(config, b.clearing, events);
    this.own = new OwnOffers(b.random);
    b.listeners.forEach(events::add);
  }

  /** A builder for a participant publishing on {@code pubsub} as the owner of {@code key}. */
  public static MarketParticipantBuilder builder(PubSub pubsub, PrivateKey key) {
    return new MarketParticipantBuilder(pubsub, key);
  }

  /** Subscribes to the topic and installs the validator. Idempotent. */
  public synchronized MarketParticipant start() {
    if (closed) {
      throw new IllegalStateException("closed");
    }
    if (subscription == null) {
      validator = pubsub.addValidator(config.topic(), this::validate);
      subscription = pubsub.subscribe(config.topic(), m -> { });
    }
    return this;
  }

  /** Our peer id. */
  public PeerId self() {
    return self;
  }

  /** The config. */
  public MarketConfig config() {
    return config;
  }

  /** Adds a listener. */
  public void addListener(MarketListener listener) {
    events.add(listener);
  }

  /**
   * Queues {@code offer} for the round whose commit window is open now, or else the next one; the
   * next {@link #tick()} in that window commits it.
   *
   * @return the round it is queued for
   * @throws MarketException {@link MarketError#DUPLICATE_ID} if one of our pending offers has its
   *     id, {@link MarketError#TOO_MANY_OFFERS} if that round already holds {@code
   *     maxOffersPerAuthor} of ours
   */
  public long submit(MarketOffer offer) {
    synchronized (state) {
      Instant now = clock.instant();
      long current = state.schedule().roundAt(now);
      long round = state.schedule().phase(current, now) == RoundPhase.COMMIT ? current
          : current + 1;
      own.add(offer, round, config.maxOffersPerAuthor());
      return round;
    }
  }

  /**
   * Does what is due at the clock's instant: commits queued offers (commit window), reveals our
   * commits (reveal window), clears and announces every tracked round whose reveal window has
   * closed, forgets old rounds. The future completes when every publish did, exceptionally if one
   * failed (the failure is logged too).
   */
  public CompletableFuture<Void> tick() {
    List<byte[]> out = new ArrayList<>();
    synchronized (state) {
      Instant now = clock.instant();
      RoundSchedule schedule = state.schedule();
      long current = schedule.roundAt(now);
      RoundPhase phase = schedule.phase(current, now);
      own.postponeMissed(phase == RoundPhase.COMMIT ? current : current + 1);
      if (phase == RoundPhase.COMMIT) {
        for (OwnOffers.Own o : own.commitDue(current)) {
          MarketFrame.Commit c = OwnOffers.commitFrame(config.marketId(), self, o);
          publishOwn(c, MarketCodec.commit(c.market(), c.round(), self, c.offerId(), c.digest()),
              now, out);
        }
      }
      if (phase == RoundPhase.REVEAL) {
        for (OwnOffers.Own o : own.revealDue(current)) {
          MarketFrame.Reveal r = OwnOffers.revealFrame(config.marketId(), self, o);
          publishOwn(r, MarketCodec.reveal(r.market(), r.round(), self, o.bytes, o.nonce), now,
              out);
        }
      }
      int dropped = own.dropUnrevealedBefore(phase == RoundPhase.CLEARING ? current + 1 : current);
      if (dropped > 0) {
        log.warn("{} of our commits missed their reveal window (tick too late)", dropped);
      }
      for (long n : state.roundNumbers()) {
        if (n <= current && schedule.phase(n, now) == RoundPhase.CLEARING && announced.add(n)) {
          try {
            out.add(announcement(state.clearing(n, now)));
          } catch (RuntimeException e) {
            log.error("clearing of round {} failed; nothing announced", n, e);
          }
        }
      }
      state.prune(current);
      announced.removeIf(n -> n < current - config.retainedRounds());
    }
    return publishAll(out);
  }

  /**
   * Calls {@link #tick()} every {@code interval} on {@code executor} until the returned handle is
   * closed; a failing tick is logged and the next one runs. A deployment's way to drive the
   * rounds (an interval of a second or so, well under the commit and reveal windows).
   */
  public AutoCloseable tickEvery(ScheduledExecutorService executor, Duration interval) {
    long millis = interval.toMillis();
    if (millis < 1) {
      throw new IllegalArgumentException("interval must be at least 1 ms: " + interval);
    }
    ScheduledFuture<?> task = executor.scheduleWithFixedDelay(() -> {
      try {
        tick();
      } catch (RuntimeException e) {
        log.error("market tick failed", e);
      }
    }, 0, millis, TimeUnit.MILLISECONDS);
    return () -> task.cancel(false);
  }

  /** Our clearing of round {@code n}, once computed. */
  public Optional<RoundClearing> clearing(long n) {
    synchronized (state) {
      return Optional.ofNullable(state.clearingIfDone(n));
    }
  }

  /** Commits and matching reveals recorded so far for round {@code n} (ours included). */
  public RoundProgress progress(long n) {
    synchronized (state) {
      return state.progress(n);
    }
  }

  /** The round running now by the participant's clock. */
  public long currentRound() {
    return new RoundSchedule(config).roundAt(clock.instant());
  }

  /** How many received messages were refused for {@code error}. */
  public long rejections(MarketError error) {
    return events.count(error);
  }

  /** Leaves the topic and removes the validator. Idempotent. */
  @Override
  public synchronized void close() {
    closed = true;
    if (subscription != null) {
      subscription.close();
      validator.close();
      subscription = null;
    }
  }

  private void publishOwn(MarketFrame frame, MarketMessage message, Instant now,
      List<byte[]> out) {
    try {
      byte[] bytes = codec.encode(key, message);
      state.ingest(frame, now);
      out.add(bytes);
    } catch (MarketException e) {
      events.rejected(e, self, frame.round());
    }
  }

  private byte[] announcement(RoundClearing c) {
    ClearingAnnouncement.Builder a = ClearingAnnouncement.newBuilder()
        .setInputDigest(c.inputDigest()).setResultDigest(c.resultDigest())
        .setResult(ClearingDigests.toProto(c.outcome()));
    try {
      return codec.encode(key, MarketCodec.clearing(config.marketId(), c.round(), self, a.build()));
    } catch (MarketException e) {
      return codec.encode(key, MarketCodec.clearing(config.marketId(), c.round(), self,
          a.clearResult().build()));
    }
  }

  private CompletableFuture<Void> publishAll(List<byte[]> out) {
    CompletableFuture<?>[] sent = new CompletableFuture<?>[out.size()];
    for (int i = 0; i < sent.length; i++) {
      sent[i] = pubsub.publish(config.topic(), out.get(i)).whenComplete((ok, e) -> {
        if (e != null) {
          log.warn("market publish failed: {}", e.toString());
        }
      });
    }
    return CompletableFuture.allOf(sent);
  }

  private ValidationResult validate(GossipMessage m) {
    if (self.equals(m.from())) {
      return ValidationResult.ACCEPT; // our own publish: already recorded by tick()
    }
    long round = -1;
    try {
      MarketFrame frame = codec.decode(m.data());
      round = frame.round();
      if (!frame.author().equals(m.from())) {
        throw new MarketException(MarketError.AUTHOR_MISMATCH,
            "signed by " + frame.author() + ", published by " + m.from());
      }
      synchronized (state) {
        state.ingest(frame, clock.instant());
      }
      return ValidationResult.ACCEPT;
    } catch (MarketException e) {
      events.rejected(e, m.from(), round);
      return e.error().verdict();
    } catch (RuntimeException e) {
      // A fault of ours (e.g. in the clearing function) must not cost the sender its score.
      log.error("market message from {} (round {}) could not be handled", m.from(), round, e);
      return ValidationResult.IGNORE;
    }
  }
}
