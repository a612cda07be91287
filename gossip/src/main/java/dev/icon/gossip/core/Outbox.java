package dev.icon.gossip.core;

import com.google.protobuf.ByteString;
import dev.icon.gossip.api.MessageId;
import dev.icon.overlay.identity.PeerId;
import dev.icon.proto.libp2p.pubsub.ControlGraft;
import dev.icon.proto.libp2p.pubsub.ControlIDontWant;
import dev.icon.proto.libp2p.pubsub.ControlIHave;
import dev.icon.proto.libp2p.pubsub.ControlIWant;
import dev.icon.proto.libp2p.pubsub.ControlPrune;
import dev.icon.proto.libp2p.pubsub.Message;
import dev.icon.proto.libp2p.pubsub.PeerInfo;
import dev.icon.proto.libp2p.pubsub.RPC;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what one router step (an inbound RPC, a heartbeat, a local call) sends, one RPC per
 * peer, and hands the RPCs to the {@link GossipPeerLink} on {@link #flush}. Not thread-safe.
 */
final class Outbox {
  private final Map<PeerId, RPC.Builder> pending = new LinkedHashMap<>();

  private RPC.Builder rpc(PeerId peer) {
    return pending.computeIfAbsent(peer, k -> RPC.newBuilder());
  }

  void subscription(PeerId peer, String topic, boolean subscribe) {
    rpc(peer).addSubscriptions(RPC.SubOpts.newBuilder().setSubscribe(subscribe).setTopicid(topic));
  }

  void message(PeerId peer, Message message) {
    rpc(peer).addPublish(message);
  }

  void graft(PeerId peer, String topic) {
    rpc(peer).getControlBuilder().addGraft(ControlGraft.newBuilder().setTopicID(topic));
  }

  /**
   * A PRUNE; {@code backoffSeconds} is left out when negative (v1.0 peers); {@code px} are peer
   * exchange candidates (peer id only, no signed record).
   */
  void prune(PeerId peer, String topic, long backoffSeconds, List<PeerId> px) {
    ControlPrune.Builder prune = ControlPrune.newBuilder().setTopicID(topic);
    if (backoffSeconds >= 0) {
      prune.setBackoff(backoffSeconds);
    }
    for (PeerId p : px) {
      prune.addPeers(PeerInfo.newBuilder().setPeerID(ByteString.copyFrom(p.toBytes())));
    }
    rpc(peer).getControlBuilder().addPrune(prune);
  }

  void ihave(PeerId peer, String topic, Collection<MessageId> ids) {
    ControlIHave.Builder ihave = ControlIHave.newBuilder().setTopicID(topic);
    ids.forEach(id -> ihave.addMessageIDs(ByteString.copyFrom(id.toBytes())));
    rpc(peer).getControlBuilder().addIhave(ihave);
  }

  void iwant(PeerId peer, Collection<MessageId> ids) {
    ControlIWant.Builder iwant = ControlIWant.newBuilder();
    ids.forEach(id -> iwant.addMessageIDs(ByteString.copyFrom(id.toBytes())));
    rpc(peer).getControlBuilder().addIwant(iwant);
  }

  void idontwant(PeerId peer, Collection<MessageId> ids) {
    ControlIDontWant.Builder msg = ControlIDontWant.newBuilder();
    ids.forEach(id -> msg.addMessageIDs(ByteString.copyFrom(id.toBytes())));
    rpc(peer).getControlBuilder().addIdontwant(msg);
  }

  /** Sends every pending RPC (in the order peers were first addressed) and clears. */
  void flush(GossipPeerLink link) {
    if (pending.isEmpty()) {
      return;
    }
    Map<PeerId, RPC.Builder> batch = new LinkedHashMap<>(pending);
    pending.clear();
    batch.forEach((peer, b) -> link.send(peer, b.build()));
  }
}
