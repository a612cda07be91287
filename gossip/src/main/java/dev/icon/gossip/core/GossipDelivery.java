package dev.icon.gossip.core;

import dev.icon.gossip.api.MessageId;
import dev.icon.overlay.identity.PeerId;
import dev.icon.proto.libp2p.pubsub.Message;

/**
 * The application's inbound seam: receives each valid message of a subscribed topic exactly once
 * (duplicates are filtered by the seen cache). Our own published messages are not delivered.
 *
 * <p>Threading: called on the router's executor, before the message is forwarded; it must not
 * block and must not call back into the router synchronously.
 */
@FunctionalInterface
public interface GossipDelivery {

  /** A first-seen valid message of {@code topic}, received from the neighbour {@code receivedFrom}. */
  void deliver(String topic, Message msg, MessageId id, PeerId receivedFrom);
}
