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
 * Inbound messages: id, duplicate suppression, IDONTWANT for large ones (v1.2), signature
 * validation (a failure is a P4 penalty on the sender, the message is dropped), delivery to the
 * application, caching for IWANT and forwarding to the mesh except the sender, the author and
 * peers that sent IDONTWANT for it. Not thread-safe.
 */
final class Forwarder {
  private static final Logger log = LoggerFactory.getLogger(Forwarder.class);
  private final RouterState s;
  private final MessageIdFunction idFunction;
  private final MessageSignatureValidator validator;
  private final GossipDelivery delivery;

  Forwarder(RouterState state, MessageIdFunction idFunction, MessageSignatureValidator validator,
      GossipDelivery delivery) {
    this.s = state;
    this.idFunction = idFunction;
    this.validator = validator;
    this.delivery = delivery;
  }

  /** One message of an RPC from {@code from}. */
  void handle(PeerId from, Message msg) {
    if (!msg.hasTopic() || !s.table.subscribed(msg.getTopic())) {
      return; // not ours: neither delivered nor relayed (as go and js)
    }
    String topic = msg.getTopic();
    if (msg.getSerializedSize() > s.config.maxMessageSize()) {
      s.score.markInvalid(from, topic);
      return;
    }
    SignatureVerdict verdict = validator.validate(msg);
    MessageId id;
    try {
      id = verdict.accepted() ? idFunction.idOf(msg) : null;
    } catch (GossipWireException e) {
      id = null;
    }
    if (id == null) {
      log.debug("message from {} on {} rejected: {}", from, topic, verdict);
      s.score.rejectMessage(null, from, topic, reasonOf(verdict));
      return;
    }
    if (s.seen.contains(id)) {
      s.score.duplicateMessage(id, from, topic);
      return;
    }
    if (Arrays.equals(msg.getFrom().toByteArray(), s.self.toBytes())) {
      s.seen.add(id); // our own message relayed back to us
      return;
    }
    s.seen.add(id);
    sendIdontwant(from, topic, id, msg);
    s.score.validateMessage(id, from);
    s.score.deliverMessage(id, from, topic);
    s.promises.fulfil(id);
    s.mcache.put(id, topic, msg);
    delivery.deliver(topic, msg, id, from);
    forward(topic, msg, id, from);
  }

  /** Relays a validated message to the topic mesh, skipping {@code from}, the author and IDONTWANTs. */
  int forward(String topic, Message msg, MessageId id, PeerId from) {
    byte[] author = msg.getFrom().toByteArray();
    int sent = 0;
    for (PeerId p : s.meshOf(topic)) {
      if (p.equals(from) || Arrays.equals(author, p.toBytes()) || s.dontWant.dontSend(p, id)) {
        continue;
      }
      s.outbox.message(p, msg);
      sent++;
    }
    return sent;
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

  private static RejectReason reasonOf(SignatureVerdict verdict) {
    return switch (verdict) {
      case MISSING_SEQNO, MISSING_SIGNATURE, MISSING_FROM, MISSING_KEY -> RejectReason.MISSING_SIGNATURE;
      case UNEXPECTED_SIGNATURE, UNEXPECTED_FROM, UNEXPECTED_SEQNO, UNEXPECTED_KEY ->
          RejectReason.UNEXPECTED_SIGNATURE;
      default -> RejectReason.INVALID_SIGNATURE;
    };
  }


}
