package dev.icon.gossip.host;

import com.google.protobuf.CodedOutputStream;
import dev.icon.gossip.api.GossipError;
import dev.icon.gossip.api.GossipException;
import dev.icon.gossip.api.GossipMessage;
import dev.icon.gossip.api.MessageId;
import dev.icon.gossip.api.PublishOutcome;
import dev.icon.gossip.api.ValidationResult;
import dev.icon.gossip.core.GossipRouter;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;

/**
 * Our own publishes: size check, our validators, then the router. The size check bounds the
 * signed message we would build (payload, topic, author, seqno, signature and key) by
 * {@code maxMessageSize}, the limit every peer applies to received messages.
 *
 * <p>Validators see our message before it is signed: {@code from} is us (null unsigned),
 * {@code seqno} null, the id empty, {@code receivedFrom} us. Threading: {@link #publish} from any
 * thread; the validators and the router run on the router loop.
 */
final class OwnPublisher {
  private static final MessageId UNSIGNED_ID = MessageId.of(new byte[0]);
  private final RouterLoop loop;
  private final GossipRouter router;
  private final TopicValidators validators;
  private final GossipMetrics metrics;
  private final PeerId self;
  private final boolean signed;
  private final int maxMessageSize;
  private final boolean allowZeroPeers;
  private final int envelope;

  OwnPublisher(RouterLoop loop, GossipRouter router, TopicValidators validators,
      GossipMetrics metrics, PrivateKey key, boolean signed, int maxMessageSize,
      boolean allowZeroPeers) {
    this.loop = loop;
    this.router = router;
    this.validators = validators;
    this.metrics = metrics;
    this.self = key.publicKey().peerId();
    this.signed = signed;
    this.maxMessageSize = maxMessageSize;
    this.allowZeroPeers = allowZeroPeers;
    this.envelope = signed ? CodedOutputStream.computeByteArraySize(1, self.toBytes())
        + CodedOutputStream.computeByteArraySize(3, new byte[8])
        + CodedOutputStream.computeByteArraySize(5, key.sign(new byte[0]))
        + CodedOutputStream.computeByteArraySize(6, key.publicKey().toProtobuf()) : 0;
  }

  /** The serialized size of the message we would build for {@code data} on {@code topic}. */
  int messageSize(String topic, byte[] data) {
    return envelope + CodedOutputStream.computeByteArraySize(2, data)
        + CodedOutputStream.computeByteArraySize(4, topic.getBytes(StandardCharsets.UTF_8));
  }

  CompletableFuture<PublishOutcome> publish(String topic, byte[] data) {
    int size = messageSize(topic, data);
    if (size > maxMessageSize) {
      return CompletableFuture.failedFuture(new GossipException(GossipError.MESSAGE_TOO_LARGE,
          "message of " + size + " bytes (payload " + data.length + ") exceeds maxMessageSize "
              + maxMessageSize));
    }
    GossipMessage own = new GossipMessage(topic, signed ? self : null, data, null, UNSIGNED_ID,
        self);
    return loop.call(() -> validators.validate(own))
        .thenCompose(stage -> stage)
        .thenCompose(verdict -> {
          if (verdict != ValidationResult.ACCEPT) {
            throw new GossipException(GossipError.REJECTED,
                "our own validator said " + verdict + " for a message on " + topic);
          }
          return loop.call(() -> sendNow(topic, data));
        })
        .handle((outcome, e) -> {
          if (e != null) {
            throw new CompletionException(translate(e));
          }
          return outcome;
        });
  }

  private PublishOutcome sendNow(String topic, byte[] data) {
    if (!allowZeroPeers && router.topicPeers(topic).isEmpty()) {
      throw new GossipException(GossipError.NO_PEERS, "no peer is subscribed to " + topic);
    }
    var result = router.publish(topic, data);
    if (result.peers() == 0 && !allowZeroPeers) {
      throw new GossipException(GossipError.NO_PEERS, "no peer of " + topic + " took the message");
    }
    metrics.published.increment();
    return new PublishOutcome(result.id(), result.peers());
  }

  private static Throwable translate(Throwable e) {
    Throwable t = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    if (t instanceof GossipException) {
      return t;
    }
    if (t instanceof RejectedExecutionException) {
      return new GossipException(GossipError.CLOSED, "pub/sub is closed");
    }
    return t;
  }
}
