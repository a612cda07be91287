package dev.icon.market.negotiate;

import dev.icon.overlay.api.Host;
import dev.icon.overlay.api.Stream;
import dev.icon.overlay.identity.PrivateKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.random.RandomGenerator;

/**
 * What a user calls to negotiate over {@code /icon/negotiate/1.0.0} on a {@link Host}. As a
 * consumer (ICON): {@link #negotiate} asks a provider and completes with the dual-signed, stored
 * agreement. As a provider (when built with an {@link OfferPolicy}): {@link #start()} serves
 * inbound negotiations, one {@link ProviderSession} per stream.
 *
 * <p>Failures are counted per {@link NegotiateError} ({@link #failures()}) and logged; a peer's bad
 * input ends its stream only. Threading: thread-safe; futures complete on a Netty event loop (move
 * blocking work off it). {@link #start()} and {@link #stop()} are idempotent.
 */
public final class NegotiateController {

  private final Host host;
  private final PrivateKey key;
  private final NegotiateConfig config;
  private final Clock clock;
  private final RandomGenerator random;
  private final OfferPolicy policy;
  private final OfferEvaluator evaluator;
  private final AgreementStore store;
  private final ReplayCache replays;
  private final AtomicBoolean running = new AtomicBoolean();
  private final Map<NegotiateError, LongAdder> failures = new EnumMap<>(NegotiateError.class);

  private NegotiateController(Builder b) {
    this.host = Objects.requireNonNull(b.host, "host");
    this.key = Objects.requireNonNull(b.key, "key");
    if (!key.publicKey().peerId().equals(host.peerId())) {
      throw new IllegalArgumentException("key is not the host's identity key");
    }
    this.config = Objects.requireNonNull(b.config, "config");
    this.clock = Objects.requireNonNull(b.clock, "clock");
    this.random = Objects.requireNonNull(b.random, "random");
    this.policy = b.policy;
    this.evaluator = Objects.requireNonNull(b.evaluator, "evaluator");
    this.store = Objects.requireNonNull(b.store, "store");
    this.replays = new ReplayCache(clock, config.replayCacheCapacity(),
        config.replayCachePerPeer());
    for (NegotiateError e : NegotiateError.values()) {
      failures.put(e, new LongAdder());
    }
  }

  /** A builder for a controller on {@code host}, signing with its identity {@code key}. */
  public static Builder builder(Host host, PrivateKey key) {
    return new Builder(host, key);
  }

  /** Serves inbound negotiations if this controller has an offer policy. Idempotent. */
  public void start() {
    if (running.compareAndSet(false, true) && policy != null) {
      host.addProtocol(NegotiateProtocol.ID, this::serve);
    }
  }

  /** Stops serving (open negotiations run to their end). Idempotent. */
  public void stop() {
    if (running.compareAndSet(true, false) && policy != null) {
      host.removeProtocol(NegotiateProtocol.ID);
    }
  }

  /**
   * Negotiates {@code request} with its provider (connecting if needed). Completes with the
   * agreement, verified and saved in the store, or fails with a {@link NegotiateException} (or the
   * host's exception when no stream could be opened).
   */
  public CompletableFuture<SignedAgreement> negotiate(NegotiationRequest request) {
    ConsumerSession session =
        new ConsumerSession(key, request, config, clock, random, evaluator, store);
    return host.newStream(request.provider(), List.of(NegotiateProtocol.ID))
        .thenCompose(stream -> count(SessionRunner.run(stream, session, config)));
  }

  /** How many negotiations failed, per reason, on either side (a snapshot). */
  public Map<NegotiateError, Long> failures() {
    Map<NegotiateError, Long> snapshot = new EnumMap<>(NegotiateError.class);
    failures.forEach((e, n) -> snapshot.put(e, n.sum()));
    return snapshot;
  }

  /** The store agreements are saved in. */
  public AgreementStore store() {
    return store;
  }

  private void serve(Stream stream) {
    if (!running.get()) {
      stream.reset();
      return;
    }
    ProviderSession session = new ProviderSession(
        key, stream.remotePeer(), config, clock, random, replays, policy, store);
    count(SessionRunner.run(stream, session, config));
  }

  private <T> CompletableFuture<T> count(CompletableFuture<T> f) {
    return f.whenComplete((v, e) -> {
      if (e instanceof NegotiateException n) {
        failures.get(n.error()).increment();
      }
    });
  }

  /** Builds a {@link NegotiateController}; not thread-safe. */
  public static final class Builder {
    private final Host host;
    private final PrivateKey key;
    // Production timeouts; tests pass NegotiateConfig.forTests().
    private NegotiateConfig config = NegotiateConfig.defaults();
    // Wall-clock UTC: expiries travel between peers as epoch milliseconds.
    private Clock clock = Clock.systemUTC();
    // Ids and nonces must be unpredictable.
    private RandomGenerator random = new SecureRandom();
    // None: the controller only consumes (does not serve the protocol).
    private OfferPolicy policy;
    // Accept whatever verified offer matches the request.
    private OfferEvaluator evaluator = OfferEvaluator.acceptAll();
    // In memory: nothing survives the process (the ledger provides a durable store).
    private AgreementStore store = new MemoryAgreementStore();

    private Builder(Host host, PrivateKey key) {
      this.host = host;
      this.key = key;
    }

    /** Timeouts and limits. */
    public Builder config(NegotiateConfig v) {
      config = v;
      return this;
    }

    /** The clock expiries are judged by. */
    public Builder clock(Clock v) {
      clock = v;
      return this;
    }

    /** Randomness for ids and nonces. */
    public Builder random(RandomGenerator v) {
      random = v;
      return this;
    }

    /** Serve as a provider with this policy. */
    public Builder offerPolicy(OfferPolicy v) {
      policy = v;
      return this;
    }

    /** The ICON's decision on offers. */
    public Builder evaluator(OfferEvaluator v) {
      evaluator = v;
      return this;
    }

    /** Where agreements go. */
    public Builder store(AgreementStore v) {
      store = v;
      return this;
    }

    /** The controller; throws naming the field at fault. */
    public NegotiateController build() {
      return new NegotiateController(this);
    }
  }
}
