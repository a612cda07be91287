package dev.icon.gossip.core;

import dev.icon.gossip.api.MessageId;
import dev.icon.gossip.router.MeshSelection;
import dev.icon.overlay.identity.PeerId;
import dev.icon.proto.libp2p.pubsub.ControlIHave;
import dev.icon.proto.libp2p.pubsub.ControlIWant;
import dev.icon.proto.libp2p.pubsub.Message;
import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Lazy push: IHAVE emission at heartbeat to non-mesh peers (adaptive count, gossip threshold),
 * IHAVE handling (flood limits, IWANT for unseen ids, promise tracking) and IWANT handling (served
 * from the message cache within the retransmission limit). Not thread-safe.
 */
final class GossipEmitter {
  private final RouterState s;

  GossipEmitter(RouterState state) {
    this.s = state;
  }

  /** Heartbeat step: IHAVE for each mesh and fanout topic's recent ids. */
  void emit() {
    Set<String> topics = new LinkedHashSet<>(s.mesh.keySet());
    topics.addAll(s.fanout.topics());
    for (String topic : topics) {
      List<MessageId> ids = s.mcache.getGossipIds(topic);
      if (ids.isEmpty()) {
        continue;
      }
      Set<PeerId> exclude = new LinkedHashSet<>(s.meshOf(topic));
      exclude.addAll(s.fanout.peers(topic));
      List<PeerId> targets = MeshSelection.selectGossipTargets(s.candidates(topic), exclude,
          s.thresholds.gossipThreshold(), s.config, s.random);
      for (PeerId p : targets) {
        List<MessageId> sent = ids.size() > s.config.maxIhaveLength()
            ? MeshSelection.randomSubset(ids, s.config.maxIhaveLength(), s.random)
            : ids;
        s.outbox.ihave(p, topic, sent);
      }
    }
  }

  /** An IHAVE from {@code peer}: ask for unseen ids of our topics, within the limits. */
  void handleIhave(PeerId peer, List<ControlIHave> ihaves) {
    if (!s.thresholds.allowsGossip(s.scoreOf(peer))) {
      return;
    }
    List<MessageId> wanted = new ArrayList<>();
    Set<MessageId> dedupe = new LinkedHashSet<>();
    for (ControlIHave ihave : ihaves) {
      if (!s.table.subscribed(ihave.getTopicID()) || !s.ihaveLimiter.acceptIhave(peer)) {
        continue;
      }
      for (ByteString raw : ihave.getMessageIDsList()) {
        MessageId id = MessageId.of(raw.toByteArray());
        if (!s.seen.contains(id) && dedupe.add(id)) {
          wanted.add(id);
        }
      }
    }
    List<MessageId> shuffled = MeshSelection.randomSubset(wanted, wanted.size(), s.random);
    List<MessageId> asked = s.ihaveLimiter.allowIwant(peer, shuffled);
    if (asked.isEmpty()) {
      return;
    }
    s.outbox.iwant(peer, asked);
    s.promises.promise(peer, asked);
  }

  /** An IWANT from {@code peer}: serve cached messages, each at most gossipRetransmission times. */
  void handleIwant(PeerId peer, List<ControlIWant> iwants) {
    if (!s.thresholds.allowsGossip(s.scoreOf(peer))) {
      return;
    }
    for (ControlIWant iwant : iwants) {
      for (ByteString raw : iwant.getMessageIDsList()) {
        Optional<Message> msg = s.mcache.getForIwant(MessageId.of(raw.toByteArray()), peer);
        msg.ifPresent(m -> s.outbox.message(peer, m));
      }
    }
  }
}
