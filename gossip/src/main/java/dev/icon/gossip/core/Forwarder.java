package dev.icon.gossip.core;

import dev.icon.gossip.api.MessageId;
import dev.icon.gossip.score.RejectReason;
import dev.icon.gossip.wire.GossipWireException;
import dev.icon.gossip.wire.MessageIdFunction;
import dev.icon.gossip.wire.MessageSignatureValidator;
import dev.icon.gossip.wire.SignatureVerdict;
import dev.icon.overlay.identity.PeerId;
import dev.icon.proto.libp2p.pubsub.Message;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inbound messages: id, duplicate suppression before any costly check (a message is seen from the
 * moment it passes the signature check, so duplicates are never revalidated), IDONTWANT for large ones (v1.2), signature validation (a
 * failure is a P4 penalty on the sender, the message is dropped), application validation through
 * the {@link ValidationPipeline}, then for accepted ones delivery to the application, caching for
 * IWANT and forwarding to the mesh and the direct peers of the topic except the sender, the author
 * and peers that sent IDONTWANT for it. Reports each outcome to the listener. Not thread-safe.
 */
final class Forwarder {
  private static final Logger log = LoggerFactory.getLogger(Forwarder.class);
  private final RouterState s;
  private final MessageIdFunction idFunction;
  private final MessageSignatureValidator validator;
  private final GossipDelivery delivery;
  private ValidationPipeline pipeline;

  Forwarder(RouterState state, MessageIdFunction idFunction, MessageSignatureValidator validator,
      GossipDelivery delivery) {
    this.s = state;
    this.idFunction = idFunction;
    this.validator = validator;
    this.delivery = delivery;
  }

  /** Connects the validation stage (built with {@link #accept} as its continuation). */
  void pipeline(ValidationPipeline pipeline) {
    this.pipeline = pipeline;
  }

  /** One message of an RPC from {@code from}. */
  void handle(PeerId from, Message msg) {
    if (!msg.hasTopic() || !s.table.subscribed(msg.getTopic())) {
      return; // not ours: neither delivered nor relayed (as go and js)
    }
    String topic = msg.getTopic();
    if (msg.getSerializedSize() > s.config.maxMessageSize()) {
      s.score.markInvalid(from, topic);
      s.listener.rejected(topic, from, "too-large");
      return;
    }
    MessageId id = idOf(msg);
    if (id != null && s.seen.contains(id)) {
      // Dedupe before the costly signature check, as go and js do: a forged copy of a seen id is
      // dropped like a replay of the genuine message, which anyone can send anyway.
      s.score.duplicateMessage(id, from, topic);
      s.listener.duplicate(topic, from);
      return;
    }
    SignatureVerdict verdict = validator.validate(msg);
    if (id == null || !verdict.accepted()) {
      log.debug("message from {} on {} rejected: {}", from, topic, verdict);
      s.score.rejectMessage(null, from, topic, reasonOf(verdict));
      s.listener.rejected(topic, from, labelOf(verdict));
      return;
    }
    s.seen.add(id);
    if (msg.hasFrom() && Arrays.equals(msg.getFrom().toByteArray(), s.self.toBytes())) {
      return; // our own message relayed back to us
    }
    sendIdontwant(from, topic, id, msg);
    s.score.validateMessage(id, from);
    s.promises.fulfil(id); // the promise is kept by delivering it, whatever the verdict
    pipeline.start(new ValidationPipeline.Inbound(from, topic, msg, id));
  }

  private MessageId idOf(Message msg) {
    try {
      return idFunction.idOf(msg);
    } catch (GossipWireException e) {
      return null; // lacks a field the id needs: the signature check names the defect
    }
  }

  /** The validators accepted {@code in}: score credit, cache, delivery, forwarding. */
  void accept(ValidationPipeline.Inbound in) {
    s.score.deliverMessage(in.id(), in.from(), in.topic());
    s.mcache.put(in.id(), in.topic(), in.msg());
    if (s.table.subscribed(in.topic())) {
      GuardedListener.guard("deliver",
          () -> delivery.deliver(in.topic(), in.msg(), in.id(), in.from()));
      s.listener.delivered(in.topic(), in.id(), in.msg().getData().size(), in.from());
    }
    forward(in.topic(), in.msg(), in.id(), in.from());
  }

  /**
   * Relays a validated message to the topic mesh and direct peers, skipping {@code from}, the
   * author and IDONTWANTs.
   */
  int forward(String topic, Message msg, MessageId id, PeerId from) {
    byte[] author = msg.getFrom().toByteArray();
    int sent = 0;
    for (PeerId p : s.meshOf(topic)) {
      sent += relay(p, msg, id, from, author);
    }
    if (!s.direct.isEmpty()) { // direct peers are never in the mesh: no peer is sent twice
      for (PeerId p : s.directPeersOf(topic)) {
        sent += relay(p, msg, id, from, author);
      }
    }
    return sent;
  }

  private int relay(PeerId p, Message msg, MessageId id, PeerId from, byte[] author) {
    if (p.equals(from) || Arrays.equals(author, p.toBytes()) || s.dontWant.dontSend(p, id)) {
      return 0;
    }
    s.outbox.message(p, msg);
    return 1;
  }

  private void sendIdontwant(PeerId from, String topic, MessageId id, Message msg) {
    if (msg.getSerializedSize() < s.config.idontwantMessageSizeThreshold()) {
      return;
    }
    for (PeerId p : s.meshOf(topic)) {
      SubscriptionTable.PeerInfo info = s.table.info(p);
      if (!p.equals(from) && info != null && GossipProtocols.supportsIdontwant(info.protocolId)) {
        s.outbox.idontwant(p, List.of(id));
      }
    }
  }

  private static String labelOf(SignatureVerdict verdict) {
    return switch (reasonOf(verdict)) {
      case MISSING_SIGNATURE -> "missing-signature";
      case UNEXPECTED_SIGNATURE -> "unexpected-signature";
      default -> verdict.accepted() ? "unidentifiable" : "invalid-signature";
    };
  }

  private static RejectReason reasonOf(SignatureVerdict verdict) {
    return switch (verdict) {
      case MISSING_SEQNO, MISSING_SIGNATURE, MISSING_FROM, MISSING_KEY -> RejectReason.MISSING_SIGNATURE;
      case UNEXPECTED_SIGNATURE, UNEXPECTED_FROM, UNEXPECTED_SEQNO, UNEXPECTED_KEY ->
          RejectReason.UNEXPECTED_SIGNATURE;
      default -> RejectReason.INVALID_SIGNATURE;
    };
  }
}
