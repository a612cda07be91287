package dev.icon.gossip.core;

import dev.icon.gossip.api.GossipMessage;
import dev.icon.gossip.api.MessageId;
import dev.icon.gossip.api.ValidationResult;
import dev.icon.gossip.score.RejectReason;
import dev.icon.overlay.identity.PeerId;
import dev.icon.proto.libp2p.pubsub.Message;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Application validation of first-seen messages (after the signature check). A stage that is
 * complete when {@link MessageValidation#validate} returns is applied at once; an incomplete one
 * parks the message (at most {@code maxPendingValidations}; beyond that it is ignored, nobody
 * pays) and the verdict is applied on the router's executor when it arrives. Verdicts: ACCEPT hands
 * the message to {@code onAccept} (delivery and forwarding); REJECT, and a validator that throws
 * or completes exceptionally, is a P4 penalty for the sender and for every peer that sent a
 * duplicate meanwhile ({@link RejectReason#VALIDATION_FAILED}); IGNORE, and a verdict later than
 * {@code validationTimeout} (expired in {@link #expire()}, called each heartbeat), drops it without
 * penalty. Duplicates arriving while a message is pending are the score's business
 * ({@code PeerScore#duplicateMessage}: credited as near-first if it is accepted, penalized if
 * rejected). Not thread-safe except the completion callback, which only hands over to the executor.
 */
final class ValidationPipeline {
  private static final Logger log = LoggerFactory.getLogger(ValidationPipeline.class);

  /** A first-seen message waiting for (or getting) its verdict. */
  record Inbound(PeerId from, String topic, Message msg, MessageId id) {}

  private final RouterState s;
  private final MessageValidation validation;
  private final Executor executor;
  private final long timeoutNanos;
  private final int maxPending;
  private final Consumer<Inbound> onAccept;
  private final Runnable afterResume;
  private final Map<MessageId, Pending> pending = new LinkedHashMap<>();

  ValidationPipeline(RouterState state, GossipRouterOptions options, GossipRouterHooks hooks,
      Consumer<Inbound> onAccept, Runnable afterResume) {
    this.s = state;
    this.validation = hooks.validation();
    this.executor = hooks.executor();
    this.timeoutNanos = options.validationTimeout().toNanos();
    this.maxPending = options.maxPendingValidations();
    this.onAccept = onAccept;
    this.afterResume = afterResume;
  }

  /** Validates {@code in}: now, or parked until its stage completes. */
  void start(Inbound in) {
    Pending p = new Pending(in, s.clock.getAsLong() + timeoutNanos);
    try {
      CompletionStage<ValidationResult> stage = validation.validate(toGossipMessage(in));
      stage.whenComplete(p::completed);
    } catch (RuntimeException e) {
      p.completed(null, e);
    }
    if (p.endRegistration()) {
      finish(in, p.result, p.error);
      return;
    }
    if (pending.size() >= maxPending) {
      log.debug("validation queue full ({}): message {} on {} ignored", maxPending, in.id(), in.topic());
      s.score.rejectMessage(in.id(), in.from(), in.topic(), RejectReason.THROTTLED);
      s.listener.ignored(in.topic(), in.from());
      return;
    }
    pending.put(in.id(), p);
  }

  /** Pending validations past their deadline count as IGNORE. */
  void expire() {
    long now = s.clock.getAsLong();
    Iterator<Pending> it = pending.values().iterator();
    while (it.hasNext()) {
      Pending p = it.next();
      if (p.deadlineNanos - now > 0) {
        return; // one timeout for all: insertion order is deadline order
      }
      it.remove();
      log.debug("validation of {} on {} timed out: ignored", p.in.id(), p.in.topic());
      finish(p.in, ValidationResult.IGNORE, null);
    }
  }

  /** Number of messages waiting for a verdict. */
  int pendingCount() {
    return pending.size();
  }

  private void resume(Pending p) {
    if (pending.get(p.in.id()) != p) {
      return; // timed out, or throttled: the verdict came too late
    }
    pending.remove(p.in.id());
    finish(p.in, p.result, p.error);
    afterResume.run();
  }

  private void finish(Inbound in, ValidationResult result, Throwable error) {
    if (error != null || result == null) {
      log.debug("validator failed on {} from {}: treated as REJECT", in.id(), in.from(), error);
      reject(in, "validator-error");
      return;
    }
    switch (result) {
      case ACCEPT -> onAccept.accept(in);
      case REJECT -> reject(in, "validation");
      case IGNORE -> {
        s.score.rejectMessage(in.id(), in.from(), in.topic(), RejectReason.VALIDATION_IGNORED);
        s.listener.ignored(in.topic(), in.from());
      }
    }
  }

  private void reject(Inbound in, String reason) {
    s.score.rejectMessage(in.id(), in.from(), in.topic(), RejectReason.VALIDATION_FAILED);
    s.listener.rejected(in.topic(), in.from(), reason);
  }

  private static GossipMessage toGossipMessage(Inbound in) {
    Message m = in.msg();
    PeerId author = m.hasFrom() ? PeerId.fromBytes(m.getFrom().toByteArray()) : null;
    byte[] seqno = m.hasSeqno() ? m.getSeqno().toByteArray() : null;
    return new GossipMessage(in.topic(), author, m.getData().toByteArray(), seqno, in.id(),
        in.from());
  }

  /** One validation; its verdict may arrive on any thread. */
  private final class Pending {
    final Inbound in;
    final long deadlineNanos;
    private boolean registering = true;
    private boolean done;
    ValidationResult result;
    Throwable error;

    Pending(Inbound in, long deadlineNanos) {
      this.in = in;
      this.deadlineNanos = deadlineNanos;
    }

    void completed(ValidationResult r, Throwable e) {
      synchronized (this) {
        if (done) {
          return;
        }
        done = true;
        result = r;
        error = e;
        if (registering) {
          return; // complete already: start() applies it inline
        }
      }
      try {
        executor.execute(() -> resume(this));
      } catch (RejectedExecutionException ex) {
        log.debug("router executor refused a validation verdict (shutting down?)", ex);
      }
    }

    /** Ends the synchronous window; true when the verdict is already known. */
    synchronized boolean endRegistration() {
      registering = false;
      return done;
    }
  }
}
