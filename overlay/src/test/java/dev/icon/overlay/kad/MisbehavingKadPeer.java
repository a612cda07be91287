package dev.icon.overlay.kad;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.icon.overlay.api.Stream;
import dev.icon.overlay.api.StreamHandler;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.multiaddr.Multiaddr;
import dev.icon.proto.libp2p.kad.Message;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hostile {@code /ipfs/kad/1.0.0} server for tests, registered on a plain host (which then
 * advertises the protocol through identify, so DHT hosts put it in their tables). It reads each
 * request frame and misbehaves as its {@link Behaviour} says. Peers it invents point at {@code
 * blackHole}: an address that accepts TCP and never speaks, so dialling one costs a full timeout.
 * Its invented peers come with one real peer ({@code honest}), as a poisoner that still wants to
 * look useful would send: a lookup must get past the inventions to reach the real network.
 *
 * <p>Thread-safe: each stream's state is confined to its callbacks.
 */
final class MisbehavingKadPeer implements StreamHandler {

  /** What the peer answers to every request. */
  enum Behaviour {
    /** A length prefix followed by bytes that are no protobuf. */
    GARBAGE,
    /** Nothing: the stream stays open and silent. */
    SILENT,
    /** {@code count} peers that do not exist, all far from the key (no common prefix with it). */
    FAR_AWAY_PEERS,
    /**
     * {@code count} peers that do not exist, 8 to 10 bits of common prefix with the key: closer than
     * any real peer of a small test network (and cheap to invent well within a request timeout).
     */
    CLOSE_FAKE_PEERS
  }

  private final Behaviour behaviour;
  private final int count;
  private final Multiaddr blackHole;
  private final KadPeer honest;
  private final Random random;
  private final AtomicInteger requests = new AtomicInteger();

  MisbehavingKadPeer(Behaviour behaviour, int count, Multiaddr blackHole, KadPeer honest,
      long seed) {
    this.honest = honest;
    this.behaviour = behaviour;
    this.count = count;
    this.blackHole = blackHole;
    this.random = new Random(seed);
  }

  /** Streams opened to this peer so far (each carries one request). */
  int requests() {
    return requests.get();
  }

  @Override
  public void handle(Stream stream) {
    // Counted on open: a lookup that ends through an honest peer first may reset this stream
    // before its request is read, and the peer was asked all the same.
    requests.incrementAndGet();
    ByteArrayOutputStream buffered = new ByteArrayOutputStream();
    stream.onData(data -> {
      byte[] chunk = new byte[data.remaining()];
      data.get(chunk);
      buffered.writeBytes(chunk);
      Message request = parse(buffered.toByteArray());
      if (request != null) {
        buffered.reset();
        answer(stream, request);
      }
    });
  }

  private void answer(Stream stream, Message request) {
    switch (behaviour) {
      case GARBAGE -> stream.write(HexFormat.of().parseHex("05ffffffffff"));
      case SILENT -> { }
      case FAR_AWAY_PEERS -> stream.write(frame(fakes(request, 0, 0)));
      case CLOSE_FAKE_PEERS -> stream.write(frame(fakes(request, 8, 10)));
      default -> throw new IllegalStateException(behaviour.toString());
    }
  }

  /**
   * A response naming the honest peer and {@code count} invented peers whose keys share {@code
   * minCpl..maxCpl} bits with the key.
   */
  private Message fakes(Message request, int minCpl, int maxCpl) {
    KadKey key = KadKey.of(request.getKey().toByteArray());
    Message.Builder response = Message.newBuilder().setType(request.getType())
        .setKey(request.getKey())
        .addCloserPeers(KadMessages.toWire(honest, Message.ConnectionType.CONNECTED));
    synchronized (random) {
      for (int i = 0; i < count; i++) {
        int cpl = minCpl + random.nextInt(maxCpl - minCpl + 1);
        PeerId fake = PeerId.fromBytes(RefreshTargets.keyForBucket(key, cpl, random));
        response.addCloserPeers(KadMessages.toWire(new KadPeer(fake,
            List.of(ByteString.copyFrom(blackHole.toBytes()))), Message.ConnectionType.CONNECTED));
      }
    }
    return response.build();
  }

  /** One complete length-prefixed frame, or null while incomplete. */
  private static Message parse(byte[] bytes) {
    long length = 0;
    int i = 0;
    for (int shift = 0; ; shift += 7) {
      if (i >= bytes.length) {
        return null;
      }
      byte b = bytes[i++];
      length |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        break;
      }
    }
    if (bytes.length - i < length) {
      return null;
    }
    try {
      return Message.parseFrom(ByteBuffer.wrap(bytes, i, (int) length));
    } catch (InvalidProtocolBufferException e) {
      return null;
    }
  }

  private static byte[] frame(Message m) {
    ByteBuf buf = KadCodec.frame(m, UnpooledByteBufAllocator.DEFAULT, 1 << 20);
    try {
      return ByteBufUtil.getBytes(buf);
    } finally {
      buf.release();
    }
  }
}
