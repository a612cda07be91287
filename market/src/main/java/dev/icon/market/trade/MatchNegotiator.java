package dev.icon.market.trade;

import dev.icon.market.auction.BidOffer;
import dev.icon.market.auction.MarketListener;
import dev.icon.market.auction.MatchedPair;
import dev.icon.market.negotiate.NegotiateController;
import dev.icon.market.negotiate.NegotiateException;
import dev.icon.market.negotiate.NegotiationRequest;
import dev.icon.market.negotiate.SignedAgreement;
import dev.icon.overlay.identity.PeerId;
import dev.icon.proto.icon.resources.ResourceSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The buyer's side of "matched pairs go on to a bilateral agreement": a {@link MarketListener}
 * (add it to the ICON's participant) that, for every trade of one of its own bids, negotiates
 * with the matched provider over {@code /icon/negotiate/1.0.0}: the trade's units, the bid's unit
 * spec (see {@link #expect}; else {@link MatchConfig#defaultUnit()}), the clearing price ({@code
 * buyer_pays_per_unit}) as the maximum price per unit and hour, the period {@link
 * MatchConfig#term()} from now, and the trade named in {@code market_trade}. Each outcome, an
 * agreement or a failure with its reason, goes to the outcome listener.
 *
 * <p>Bounded: at most {@link MatchConfig#maxConcurrent()} negotiations run, {@link
 * MatchConfig#maxQueued()} wait; each try is cut off after {@link MatchConfig#attemptTimeout()}
 * and retried up to {@link MatchConfig#attempts()} times. Threading: {@link #onMatched} only
 * hands the pair to this negotiator's executor (never blocks, never throws); the outcome listener
 * runs on that executor or a Netty event loop and must not block. {@link #close()} stops new
 * work (queued matches are reported as failed) and shuts an executor it created.
 */
public final class MatchNegotiator implements MarketListener, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(MatchNegotiator.class);

  private final NegotiateController controller;
  private final PeerId self;
  private final MatchConfig config;
  private final Clock clock;
  private final Consumer<MatchOutcome> outcomes;
  private final ScheduledExecutorService executor;
  private final boolean ownsExecutor;
  private final Map<String, ResourceSpec> units = new ConcurrentHashMap<>();
  private final Queue<MatchedPair> waiting = new ArrayDeque<>();
  private int running;
  private boolean closed;

  private MatchNegotiator(NegotiateController controller, PeerId self, MatchConfig config,
      Clock clock, Consumer<MatchOutcome> outcomes, ScheduledExecutorService executor) {
    this.controller = Objects.requireNonNull(controller, "controller");
    this.self = Objects.requireNonNull(self, "self");
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.outcomes = Objects.requireNonNull(outcomes, "outcomes");
    this.ownsExecutor = executor == null;
    this.executor = executor != null ? executor : Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "icon-match-negotiator");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * A negotiator for the ICON {@code self} negotiating through {@code controller}.
   *
   * @param executor runs retries and hand-offs; null: a daemon thread of its own (shut on close)
   */
  public static MatchNegotiator create(NegotiateController controller, PeerId self,
      MatchConfig config, Clock clock, Consumer<MatchOutcome> outcomes,
      ScheduledExecutorService executor) {
    return new MatchNegotiator(controller, self, config, clock, outcomes, executor);
  }

  /** Remembers {@code bid}'s unit spec (if any) for when it is matched; call before submitting. */
  public void expect(BidOffer bid) {
    if (bid.unit() != null) {
      units.put(self.toBase58() + "/" + bid.id(), bid.unit());
    }
  }

  @Override
  public void onMatched(MatchedPair pair) {
    if (!pair.bidder().equals(self)) {
      return;
    }
    try {
      executor.execute(() -> admit(pair));
    } catch (RuntimeException e) {
      report(new MatchOutcome(pair, null, "negotiator closed", 0));
    }
  }

  private void admit(MatchedPair pair) {
    synchronized (this) {
      if (closed) {
        pair = fail(pair, "negotiator closed");
      } else if (running < config.maxConcurrent()) {
        running++;
      } else if (waiting.size() < config.maxQueued()) {
        waiting.add(pair);
        return;
      } else {
        pair = fail(pair, "too many matches waiting (" + config.maxQueued() + ")");
      }
    }
    if (pair != null) {
      attempt(pair, 1);
    }
  }

  private MatchedPair fail(MatchedPair pair, String reason) {
    report(new MatchOutcome(pair, null, reason, 0));
    return null;
  }

  private void attempt(MatchedPair pair, int attempt) {
    boolean stopped;
    synchronized (this) {
      stopped = closed && attempt > 1;
    }
    if (stopped) {
      finish(new MatchOutcome(pair, null, "negotiator closed", attempt - 1));
      return;
    }
    NegotiationRequest request;
    try {
      request = request(pair);
    } catch (RuntimeException e) {
      finish(new MatchOutcome(pair, null, "no valid request: " + e.getMessage(), attempt));
      return;
    }
    try {
      controller.negotiate(request)
          .orTimeout(config.attemptTimeout().toMillis(), TimeUnit.MILLISECONDS)
          .whenComplete((agreement, error) -> done(pair, attempt, agreement, error));
    } catch (RuntimeException e) {
      done(pair, attempt, null, e);
    }
  }

  private void done(MatchedPair pair, int attempt, SignedAgreement agreement, Throwable error) {
    if (error == null) {
      finish(new MatchOutcome(pair, agreement, null, attempt));
      return;
    }
    String reason = reason(error);
    boolean again;
    synchronized (this) {
      again = !closed && attempt < config.attempts();
    }
    if (!again) {
      finish(new MatchOutcome(pair, null, reason, attempt));
      return;
    }
    LOG.debug("trade {} try {} failed ({}), retrying", TradeKey.of(pair), attempt, reason);
    try {
      executor.schedule(() -> attempt(pair, attempt + 1), config.retryDelay().toMillis(),
          TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      finish(new MatchOutcome(pair, null, reason, attempt));
    }
  }

  private NegotiationRequest request(MatchedPair pair) {
    Instant start = clock.instant();
    ResourceSpec unit = units.getOrDefault(pair.trade().bid(), config.defaultUnit());
    return new NegotiationRequest(pair.provider(), unit, Math.toIntExact(pair.trade().units()),
        pair.trade().buyerPaysPerUnit(), start, start.plus(config.term()),
        TradeKey.of(pair).toProto());
  }

  private void finish(MatchOutcome outcome) {
    report(outcome);
    MatchedPair next;
    synchronized (this) {
      next = closed ? null : waiting.poll();
      if (next == null) {
        running--;
      }
    }
    if (next != null) {
      MatchedPair n = next;
      try {
        executor.execute(() -> attempt(n, 1));
      } catch (RuntimeException e) {
        finish(new MatchOutcome(n, null, "negotiator closed", 0));
      }
    }
  }

  private void report(MatchOutcome outcome) {
    if (outcome.concluded()) {
      units.remove(outcome.pair().trade().bid());
    } else {
      LOG.info("trade {} not concluded after {} tries: {}", TradeKey.of(outcome.pair()),
          outcome.attempts(), outcome.failure());
    }
    try {
      outcomes.accept(outcome);
    } catch (RuntimeException e) {
      LOG.warn("match outcome listener failed", e);
    }
  }

  private static String reason(Throwable error) {
    Throwable e = error instanceof CompletionException && error.getCause() != null
        ? error.getCause() : error;
    if (e instanceof NegotiateException n) {
      return n.error() + ": " + n.getMessage();
    }
    if (e instanceof TimeoutException) {
      return "TIMEOUT: no agreement within the attempt timeout";
    }
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  /** Stops: queued matches are reported failed; running ones finish. Idempotent. */
  @Override
  public void close() {
    Queue<MatchedPair> dropped;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      dropped = new ArrayDeque<>(waiting);
      waiting.clear();
    }
    dropped.forEach(p -> report(new MatchOutcome(p, null, "negotiator closed", 0)));
    if (ownsExecutor) {
      executor.shutdown();
    }
  }
}
