package dev.icon.market.negotiate;

import com.google.protobuf.ByteString;
import dev.icon.overlay.identity.PeerId;
import dev.icon.proto.icon.negotiate.Agreement;
import dev.icon.proto.icon.negotiate.NegotiateFrame;
import dev.icon.proto.icon.negotiate.Reject;
import java.time.Clock;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * What both sides' sessions share: the clock-based step deadline, failure bookkeeping, the reject
 * frame and storing the agreement. Not thread-safe (see {@link NegotiationSession}).
 */
abstract class SessionSupport implements NegotiationSession {

  /** Longest reject detail sent. */
  static final int MAX_DETAIL = 256;

  final PeerId remote;
  final NegotiateConfig config;
  final Clock clock;
  final RandomGenerator random;
  final AgreementStore store;
  private long deadline;
  private boolean done;
  private SignedAgreement agreement;
  private NegotiateException failure;

  SessionSupport(PeerId remote, NegotiateConfig config, Clock clock, RandomGenerator random,
      AgreementStore store) {
    this.remote = remote;
    this.config = config;
    this.clock = clock;
    this.random = random;
    this.store = store;
    restartDeadline();
  }

  /** The state-specific handling of a frame that arrived in time. */
  abstract Step handle(NegotiateFrame frame, long now);

  /** The id to name in a reject sent now (request or agreement id), or empty. */
  abstract ByteString subjectId();

  /** Marks the session failed (hook for the subclass's state). */
  abstract void enterFailed();

  @Override
  public final Step onFrame(NegotiateFrame frame) {
    if (done) {
      // The outcome is settled: a late frame neither changes it nor gets an answer.
      return new Step(null, true);
    }
    long now = clock.millis();
    if (now >= deadline) {
      return fail(new NegotiateException(NegotiateError.TIMEOUT,
          "frame " + frame.getBodyCase() + " arrived " + (now - deadline) + " ms after the deadline"));
    }
    if (frame.hasReject()) {
      Reject r = frame.getReject();
      return end(new NegotiateException(NegotiateError.fromWire(r.getReason()),
          truncate(r.getDetail()), true), null);
    }
    try {
      Step step = handle(frame, now);
      restartDeadline();
      return step;
    } catch (NegotiateException e) {
      return fail(e);
    }
  }

  @Override
  public final Step onTimeout() {
    if (done) {
      return new Step(null, true);
    }
    return fail(new NegotiateException(NegotiateError.TIMEOUT,
        "no frame from " + remote + " within " + config.stepTimeout()));
  }

  @Override
  public final boolean done() {
    return done;
  }

  @Override
  public final Optional<SignedAgreement> agreement() {
    return Optional.ofNullable(agreement);
  }

  @Override
  public final Optional<NegotiateException> failure() {
    return Optional.ofNullable(failure);
  }

  /** Fails with {@code e} and returns the reject to send. */
  final Step fail(NegotiateException e) {
    Reject reject = Reject.newBuilder().setSubjectId(subjectId()).setReason(e.error().wire())
        .setDetail(truncate(e.getMessage())).build();
    return end(e, NegotiateFrame.newBuilder().setReject(reject).build());
  }

  private Step end(NegotiateException e, NegotiateFrame reply) {
    done = true;
    failure = e;
    enterFailed();
    return new Step(reply, true);
  }

  /** Ends the session with {@code agreed}, already stored; returns {@code reply} as last frame. */
  final Step succeed(SignedAgreement agreed, NegotiateFrame reply) {
    done = true;
    agreement = agreed;
    return new Step(reply, true);
  }

  /**
   * Stores {@code agreement}.
   *
   * @throws NegotiateException ({@link NegotiateError#REPLAY} if the id is taken, {@link
   *     NegotiateError#STORE_FAILED} if the store fails)
   */
  final void save(SignedAgreement agreement) {
    boolean stored;
    try {
      stored = store.saveIfAbsent(agreement.id(), agreement.toByteArray());
    } catch (RuntimeException e) {
      throw new NegotiateException(NegotiateError.STORE_FAILED,
          "storing agreement " + agreement.id() + " failed: " + e.getMessage());
    }
    if (!stored) {
      throw new NegotiateException(NegotiateError.REPLAY,
          "agreement " + agreement.id() + " is already stored");
    }
  }

  final ByteString randomId() {
    byte[] b = new byte[NegotiateProtocol.ID_LENGTH];
    random.nextBytes(b);
    return ByteString.copyFrom(b);
  }

  static Agreement agreementOf(ByteString terms, ByteString providerSig, ByteString consumerSig) {
    return Agreement.newBuilder().setTerms(terms).setProviderSignature(providerSig)
        .setConsumerSignature(consumerSig).build();
  }

  static NegotiateException unexpected(NegotiateFrame frame, Enum<?> state) {
    return new NegotiateException(NegotiateError.UNEXPECTED,
        "frame " + frame.getBodyCase() + " in state " + state);
  }

  private void restartDeadline() {
    deadline = clock.millis() + config.stepTimeout().toMillis();
  }

  private static String truncate(String s) {
    return s.length() <= MAX_DETAIL ? s : s.substring(0, MAX_DETAIL);
  }
}
