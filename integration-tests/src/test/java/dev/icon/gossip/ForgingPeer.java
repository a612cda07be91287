package dev.icon.gossip;

import com.google.protobuf.ByteString;
import dev.icon.gossip.core.GossipProtocols;
import dev.icon.gossip.wire.MessageSigner;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.api.HostConfig;
import dev.icon.overlay.api.Stream;
import dev.icon.overlay.api.StreamReader;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.overlay.varint.Uvarint;
import dev.icon.proto.libp2p.pubsub.ControlGraft;
import dev.icon.proto.libp2p.pubsub.ControlMessage;
import dev.icon.proto.libp2p.pubsub.Message;
import dev.icon.proto.libp2p.pubsub.RPC;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An attacker without a router: a plain overlay host that speaks {@code /meshsub/1.1.0} by hand.
 * It reads and discards whatever honest peers send, and writes raw RPC frames (built with the
 * {@code proto} classes, length-prefixed as {@code gossip.wire} frames them): a subscription, a
 * GRAFT, then messages whose signatures do not verify (signed, then one signature byte flipped).
 * Not thread-safe: drive it from the test thread.
 */
final class ForgingPeer implements AutoCloseable {

  final Host host;
  private final MessageSigner signer;
  private final List<Stream> streams = new ArrayList<>();
  private long seqno;

  ForgingPeer() {
    PrivateKey key = PrivateKey.generateEd25519();
    signer = new MessageSigner(key, MessageSigner.KeyField.ALWAYS);
    host = Host.builder().identity(key).listen("/ip4/127.0.0.1/tcp/0")
        .config(HostConfig.forTests()).build();
    for (String p : List.of(GossipProtocols.MESHSUB_V12, GossipProtocols.MESHSUB_V11)) {
      host.addProtocol(p, ForgingPeer::discard);
    }
    host.start().join();
  }

  PeerId id() {
    return host.peerId();
  }

  /** Connects to {@code victim}, opens a pubsub stream, subscribes to {@code topic} and GRAFTs. */
  void attack(Host victim, String topic) {
    host.dial(victim.dialAddrs().get(0)).join();
    Stream s = host.newStream(victim.peerId(), List.of(GossipProtocols.MESHSUB_V11)).join();
    streams.add(s);
    write(s, RPC.newBuilder()
        .addSubscriptions(RPC.SubOpts.newBuilder().setTopicid(topic).setSubscribe(true))
        .setControl(ControlMessage.newBuilder().addGraft(ControlGraft.newBuilder().setTopicID(topic)))
        .build()).join();
  }

  /** Sends {@code count} forged messages on {@code topic} to every attacked peer. */
  CompletableFuture<Void> spam(String topic, int count, byte[] data) {
    List<CompletableFuture<Void>> writes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Message good = signer.sign(topic, data, ++seqno);
      byte[] sig = good.getSignature().toByteArray();
      sig[0] ^= 1;
      RPC rpc = RPC.newBuilder().addPublish(good.toBuilder().setSignature(ByteString.copyFrom(sig)))
          .build();
      for (Stream s : streams) {
        writes.add(write(s, rpc));
      }
    }
    return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new));
  }

  private static CompletableFuture<Void> write(Stream s, RPC rpc) {
    byte[] body = rpc.toByteArray();
    byte[] prefix = Uvarint.encode(body.length);
    return s.write(ByteBuffer.allocate(prefix.length + body.length).put(prefix).put(body).flip());
  }

  private static void discard(Stream stream) {
    stream.onData(new StreamReader() {
      @Override
      public void onData(ByteBuffer data) {
        data.position(data.limit());
      }
    });
  }

  @Override
  public void close() {
    host.stop().join();
  }
}
