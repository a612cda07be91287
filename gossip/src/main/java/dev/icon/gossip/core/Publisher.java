package dev.icon.gossip.core;

import dev.icon.gossip.api.MessageId;
import dev.icon.gossip.wire.MessageIdFunction;
import dev.icon.gossip.wire.MessageSigner;
import dev.icon.overlay.identity.PeerId;
import dev.icon.proto.libp2p.pubsub.Message;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Our own messages: under StrictSign signed with an 8-byte seqno counter that starts at a random
 * value, under StrictNoSign anonymous (topic and data only); marked seen and cached, and sent to
 * every topic peer above the publish threshold when flood publishing, else to the mesh (subscribed)
 * or fanout (not subscribed), and in both cases to the topic's connected direct peers. The router
 * does not run application validators on them (the binding does, before publishing). Not
 * thread-safe.
 */
final class Publisher {
  private final RouterState s;
  private final MessageSigner signer; // null under StrictNoSign
  private final MessageIdFunction idFunction;
  private final MeshManager meshes;
  private long seqno;

  Publisher(RouterState state, MessageSigner signer, MessageIdFunction idFunction, MeshManager meshes) {
    this.s = state;
    this.signer = signer;
    this.idFunction = idFunction;
    this.meshes = meshes;
    // A random start (top bit clear) keeps seqnos unique across restarts without a wall clock.
    this.seqno = state.random.nextLong() >>> 1;
  }

  PublishResult publish(String topic, byte[] data) {
    Message msg = signer == null
        ? MessageSigner.unsigned(topic, data)
        : signer.sign(topic, data, seqno++);
    MessageId id = idFunction.idOf(msg);
    s.seen.add(id);
    s.mcache.put(id, topic, msg);
    Set<PeerId> targets = targets(topic);
    for (PeerId p : targets) {
      s.outbox.message(p, msg);
    }
    return new PublishResult(id, targets.size());
  }

  private Set<PeerId> targets(String topic) {
    Set<PeerId> out = new LinkedHashSet<>(s.directPeersOf(topic));
    if (s.config.floodPublish()) {
      for (PeerId p : s.table.topicPeers(topic)) {
        if (s.thresholds.allowsPublish(s.scoreOf(p))) {
          out.add(p);
        }
      }
      return out;
    }
    for (PeerId p : s.table.topicPeers(topic)) {
      SubscriptionTable.PeerInfo info = s.table.info(p);
      if (info != null && !info.gossipsub() && s.thresholds.allowsPublish(s.scoreOf(p))) {
        out.add(p); // floodsub peers get everything
      }
    }
    if (s.table.subscribed(topic)) {
      out.addAll(s.meshOf(topic));
    } else {
      s.fanout.published(topic);
      meshes.topUpFanout(topic);
      out.addAll(s.fanout.peers(topic));
    }
    return out;
  }
}
