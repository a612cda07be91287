package dev.icon.gossip.wire;

import dev.icon.gossip.api.MessageId;
import dev.icon.proto.libp2p.pubsub.Message;

/**
 * Computes the id of a pubsub message. Every peer of a topic must use the same function, since ids
 * travel in IHAVE, IWANT and IDONTWANT; implementations must be pure, deterministic and
 * thread-safe.
 *
 * <p>The standard choices are in {@link StandardMessageIdFunction}: the spec (and go) default
 * {@code from || seqno}, js-libp2p's StrictSign default {@code protobuf(PublicKey) || seqno}, and
 * the StrictNoSign default {@code sha256(data)}. Apply a function after signature validation: for a
 * message that lacks the fields it needs, it throws rather than inventing an id.
 */
@FunctionalInterface
public interface MessageIdFunction {

  /**
   * The id of {@code message}.
   *
   * @throws GossipWireException ({@link GossipWireError#UNIDENTIFIABLE_MESSAGE}) if the message
   *     lacks a field the function needs
   */
  MessageId idOf(Message message);
}
