package dev.icon.gossip.core;

import dev.icon.gossip.api.MessageId;
import dev.icon.gossip.core.InMemoryGossipNetwork.Node;
import dev.icon.gossip.wire.MessageSigner;
import dev.icon.gossip.wire.StandardMessageIdFunction;
import dev.icon.proto.libp2p.pubsub.ControlGraft;
import dev.icon.proto.libp2p.pubsub.ControlMessage;
import dev.icon.proto.libp2p.pubsub.ControlPrune;
import dev.icon.proto.libp2p.pubsub.Message;
import dev.icon.proto.libp2p.pubsub.RPC;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** RPC builders and inbox readers for tests that play external peers. */
final class Rpcs {
  private Rpcs() {}

  static RPC subscribe(String... topics) {
    RPC.Builder b = RPC.newBuilder();
    for (String t : topics) {
      b.addSubscriptions(RPC.SubOpts.newBuilder().setSubscribe(true).setTopicid(t));
    }
    return b.build();
  }

  static RPC unsubscribe(String topic) {
    return RPC.newBuilder()
        .addSubscriptions(RPC.SubOpts.newBuilder().setSubscribe(false).setTopicid(topic)).build();
  }

  static RPC graft(String topic) {
    return RPC.newBuilder().setControl(ControlMessage.newBuilder()
        .addGraft(ControlGraft.newBuilder().setTopicID(topic))).build();
  }

  static RPC prune(ControlPrune prune) {
    return RPC.newBuilder().setControl(ControlMessage.newBuilder().addPrune(prune)).build();
  }

  static RPC publish(Message... msgs) {
    return RPC.newBuilder().addAllPublish(List.of(msgs)).build();
  }

  static Message signed(Node author, String topic, String data, long seqno) {
    return new MessageSigner(author.key).sign(topic, data.getBytes(StandardCharsets.UTF_8), seqno);
  }

  static MessageId idOf(Message m) {
    return StandardMessageIdFunction.PUBLIC_KEY_SEQNO.idOf(m);
  }

  /** Connects {@code ext} to {@code router}, subscribes it to {@code topic} and grafts it. */
  static void joinMesh(InMemoryGossipNetwork net, Node router, Node ext, String topic) {
    net.connect(ext, router);
    ext.send(router, subscribe(topic));
    ext.send(router, graft(topic));
    net.pump();
  }

  static List<ControlPrune> prunes(Node ext) {
    return ext.inbox.stream().filter(RPC::hasControl)
        .flatMap(r -> r.getControl().getPruneList().stream()).toList();
  }

  static List<ControlGraft> grafts(Node ext) {
    return ext.inbox.stream().filter(RPC::hasControl)
        .flatMap(r -> r.getControl().getGraftList().stream()).toList();
  }

  static List<Message> messages(Node ext) {
    return ext.inbox.stream().flatMap(r -> r.getPublishList().stream()).toList();
  }
}
