package dev.icon.interop;

import com.google.protobuf.ByteString;
import dev.icon.gossip.wire.MessageSigner;
import dev.icon.gossip.wire.RpcCodec;
import dev.icon.gossip.wire.StandardMessageIdFunction;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.api.Stream;
import dev.icon.overlay.api.StreamReader;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.overlay.multiaddr.Multiaddr;
import dev.icon.proto.libp2p.pubsub.Message;
import dev.icon.proto.libp2p.pubsub.RPC;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A misbehaving gossipsub peer without a router: an overlay host that speaks {@code /meshsub/1.1.0}
 * by hand. It opens a pubsub stream to a victim and writes RPC frames built with the project's wire
 * classes ({@link RpcCodec} framing, {@link MessageSigner} signatures), so a test can send exactly
 * the bytes it wants, e.g. a correctly framed message with a corrupted signature. It also serves
 * {@code /meshsub/1.1.0} (reading and dropping everything), so the victim sees an ordinary pubsub
 * peer.
 *
 * <p>Threading: call from the test thread; each send waits until the frame is handed to the muxer.
 */
final class RawMeshsubPeer implements AutoCloseable {

  static final String PROTOCOL = "/meshsub/1.1.0";

  private static final long TIMEOUT_SECONDS = 20;

  private final PrivateKey key = PrivateKey.generateEd25519();
  private final MessageSigner signer = new MessageSigner(key, MessageSigner.KeyField.ALWAYS);
  private final AtomicLong seqno = new AtomicLong(System.currentTimeMillis() * 1_000_000L);
  private volatile Message lastSigned;
  final Host host;

  RawMeshsubPeer() {
    host = Host.builder().identity(key).listen("/ip4/127.0.0.1/tcp/0")
        .protocol(PROTOCOL, RawMeshsubPeer::drain).build();
    host.start().join();
  }

  PeerId id() {
    return host.peerId();
  }

  /** Dials {@code addr} (with /p2p/) and opens a pubsub stream to it. */
  Stream open(String addr) {
    Multiaddr target = Multiaddr.parse(addr);
    return host.dial(target)
        .thenCompose(c -> host.newStream(c.remotePeer(), List.of(PROTOCOL)))
        .orTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
  }

  /** Writes {@code rpc} as one length-prefixed frame (the same framing real routers use). */
  static void send(Stream stream, RPC rpc) {
    ByteBuf frame = RpcCodec.frame(rpc, ByteBufAllocator.DEFAULT, RpcCodec.DEFAULT_MAX_RPC_SIZE);
    byte[] bytes;
    try {
      bytes = ByteBufUtil.getBytes(frame);
    } finally {
      frame.release();
    }
    stream.write(bytes).orTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
  }

  /** An RPC announcing our subscription to {@code topic}. */
  static RPC subscription(String topic) {
    return RPC.newBuilder()
        .addSubscriptions(RPC.SubOpts.newBuilder().setSubscribe(true).setTopicid(topic))
        .build();
  }

  /** An RPC carrying {@code messages}. */
  static RPC publish(Message... messages) {
    return RPC.newBuilder().addAllPublish(List.of(messages)).build();
  }

  /** A correctly signed message from us (js-style: key field included), with a fresh seqno. */
  Message signed(String topic, String text) {
    Message m = sign(topic, text);
    lastSigned = m;
    return m;
  }

  /**
   * The hex message id (js's and ICON's default, {@code protobuf(PublicKey) || seqno}) of the last
   * message {@link #signed} returned.
   */
  String lastSignedId() {
    return StandardMessageIdFunction.PUBLIC_KEY_SEQNO.idOf(lastSigned).toString();
  }

  private Message sign(String topic, String text) {
    return signer.sign(topic, text.getBytes(StandardCharsets.UTF_8), seqno.incrementAndGet());
  }

  /** A message from us whose signature has its first byte flipped: framing and fields intact. */
  Message corruptSignature(String topic, String text) {
    Message good = sign(topic, text);
    byte[] sig = good.getSignature().toByteArray();
    sig[0] ^= (byte) 0xff;
    return good.toBuilder().setSignature(ByteString.copyFrom(sig)).build();
  }

  /**
   * A message claiming {@code victim} as its author but signed with our key (and carrying no key
   * field, so the victim's inlined key is what verification must use): a forged author.
   */
  Message forgedAuthor(String topic, String text, PeerId victim) {
    Message ours = sign(topic, text);
    return ours.toBuilder().setFrom(ByteString.copyFrom(victim.toBytes())).clearKey().build();
  }

  private static void drain(Stream stream) {
    stream.onData(new StreamReader() {
      @Override
      public void onData(ByteBuffer data) {
        data.position(data.limit()); // what the victim sends us is of no interest
      }
    });
  }

  @Override
  public void close() {
    host.stop().orTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
  }
}
