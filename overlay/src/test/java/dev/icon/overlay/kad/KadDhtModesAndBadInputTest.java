package dev.icon.overlay.kad;

import static dev.icon.overlay.kad.DhtHosts.addr;
import static dev.icon.overlay.kad.DhtHosts.dht;
import static dev.icon.overlay.kad.DhtHosts.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import dev.icon.overlay.api.DhtMode;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.api.Stream;
import dev.icon.proto.libp2p.kad.Message;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Client mode, and bad input on raw {@code /ipfs/kad/1.0.0} streams to a server host. */
class KadDhtModesAndBadInputTest {

  private DhtHosts hosts;
  private Host a;
  private Host b;

  @BeforeEach
  void network() throws Exception {
    hosts = new DhtHosts();
    a = hosts.start(DhtMode.SERVER);
    b = hosts.start(DhtMode.SERVER);
    get(dht(b).bootstrap(List.of(addr(a))));
  }

  @AfterEach
  void stop() {
    hosts.close();
  }

  @Test
  void aClientModeHostQueriesButDoesNotAdvertiseTheProtocolNorEnterServerTables()
      throws Exception {
    Host client = hosts.start(DhtMode.CLIENT);
    get(dht(b).putIconRecord("name", "from b".getBytes(), 1, Duration.ofMinutes(5)));

    get(dht(client).bootstrap(List.of(addr(a))));

    assertThat(client.protocols()).doesNotContain(KadProtocol.ID);
    assertThat(dht(client).routingTable()).contains(a.peerId());
    assertThat(get(dht(client).findPeer(b.peerId()))).isPresent();
    assertThat(KadDhtHostTest.valueOf(
        get(dht(client).getValue(dev.icon.overlay.kad.IconRecords.key(b.peerId(), "name"), 2))))
        .isEqualTo("from b");
    await().atMost(Duration.ofSeconds(10))
        .until(() -> a.peerStore().info(client.peerId()).isPresent()
            && b.peerStore().info(client.peerId()).isPresent());
    assertThat(dht(a).routingTable()).doesNotContain(client.peerId());
    assertThat(dht(b).routingTable()).doesNotContain(client.peerId());
  }

  @Test
  void bootstrapResolvesDnsaddrNamesBeforeDialling() throws Exception {
    Host joiner = hosts.start(DhtMode.SERVER);
    KadDht kad = (KadDht) dht(joiner);
    kad.useResolver(new DnsaddrResolver(name -> name.equals("_dnsaddr.boot.test")
        ? List.of("dnsaddr=" + addr(a), "dnsaddr=/ip4/127.0.0.1/tcp/1/p2p/" + b.peerId())
        : List.of()));

    int tableSize = get(kad.bootstrap(List.of(
        dev.icon.overlay.multiaddr.Multiaddr.parse("/dnsaddr/boot.test/p2p/" + a.peerId()))));

    assertThat(tableSize).isGreaterThanOrEqualTo(2);
    assertThat(kad.routingTable()).contains(a.peerId(), b.peerId());
  }

  @Test
  void bootstrapFailsWhenNothingCanBeDialled() {
    Host joiner = hosts.start(DhtMode.SERVER);
    KadDht kad = (KadDht) dht(joiner);
    kad.useResolver(new DnsaddrResolver(name -> List.of()));

    assertThatThrownBy(() -> get(kad.bootstrap(List.of(
        dev.icon.overlay.multiaddr.Multiaddr.parse("/dnsaddr/empty.test")))))
        .cause().hasMessageContaining("could be dialled");
  }

  /** Frames that are not kad messages: a malformed varint, a length above the limit, garbage. */
  @ParameterizedTest
  @ValueSource(strings = {
      "ffffffffffffffffffffff01", // varint longer than 10 bytes
      "ffffffff0f",               // length prefix of 4 GiB, beyond maxMessageSize
      "05ffffffffff",             // 5 bytes that are no protobuf
      "020801",                   // a GET_VALUE without a key
      "02087f"})                  // an unknown message type
  void aBadFrameResetsOnlyItsStreamAndTheHostKeepsServing(String hex) throws Exception {
    Host x = hosts.startPlain();
    x.dial(addr(a)).join();
    Stream raw = get(x.newStream(a.peerId(), List.of(KadProtocol.ID)));

    raw.write(HexFormat.of().parseHex(hex));

    get(raw.closeFuture());
    assertThat(x.connections(a.peerId())).isNotEmpty();
    Message answer = get(new KadStreamClient(x, DhtHosts.CONFIG).query(KadPeer.of(a.peerId()),
        KadMessages.request(Message.MessageType.FIND_NODE, b.peerId().toBytes())));
    assertThat(answer.getCloserPeersList()).extracting(p -> p.getId())
        .contains(ByteString.copyFrom(b.peerId().toBytes()));
  }

  @Test
  void severalRequestsOnOneStreamAreAllAnswered() throws Exception {
    Host x = hosts.startPlain();
    x.dial(addr(a)).join();
    Stream raw = get(x.newStream(a.peerId(), List.of(KadProtocol.ID)));
    java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
    raw.onData(data -> {
      synchronized (received) {
        byte[] copy = new byte[data.remaining()];
        data.get(copy);
        received.writeBytes(copy);
      }
    });
    Message ping = Message.newBuilder().setType(Message.MessageType.PING).build();
    byte[] frame = frame(ping);

    raw.write(frame);
    raw.write(frame);
    raw.write(frame);

    await().atMost(Duration.ofSeconds(10)).until(() -> {
      synchronized (received) {
        return received.size() == 3 * frame.length;
      }
    });
    raw.close();
  }

  @Test
  void aFloodOfAddProviderOnOneStreamIsBoundedByTheStoreAndTheHostKeepsServing() throws Exception {
    KadConfig small = DhtHosts.CONFIG.toBuilder().maxProviderRecords(50).maxProvidersPerKey(5).build();
    Host server = hosts.start(DhtMode.SERVER, small);
    Host x = hosts.startPlain();
    x.dial(addr(server)).join();
    Stream raw = get(x.newStream(server.peerId(), List.of(KadProtocol.ID)));
    KadPeer self = new KadPeer(x.peerId(), List.of(ByteString.copyFrom(x.listenAddrs().get(0).toBytes())));
    java.io.ByteArrayOutputStream flood = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < 500; i++) {
      flood.writeBytes(frame(Message.newBuilder().setType(Message.MessageType.ADD_PROVIDER)
          .setKey(ByteString.copyFrom(KadDhtHostTest.sha256Multihash("key " + i)))
          .addProviderPeers(KadMessages.toWire(self, Message.ConnectionType.CONNECTED)).build()));
    }

    byte[] ping = frame(Message.newBuilder().setType(Message.MessageType.PING).build());
    flood.writeBytes(ping);
    java.util.concurrent.atomic.AtomicInteger answered = new java.util.concurrent.atomic.AtomicInteger();
    raw.onData(data -> answered.addAndGet(data.remaining()));

    get(raw.write(flood.toByteArray()));
    // ADD_PROVIDER has no response: the PING's answer shows every request before it was handled.
    await().atMost(Duration.ofSeconds(10)).until(() -> answered.get() == ping.length);

    KadStreamClient client = new KadStreamClient(x, small);
    assertThat(providerCount(client, server, "key 0")).isEqualTo(1);
    assertThat(providerCount(client, server, "key 49")).isEqualTo(1);
    assertThat(providerCount(client, server, "key 50")).isZero();
    assertThat(providerCount(client, server, "key 499")).isZero();
    raw.close();
  }

  private static int providerCount(KadStreamClient client, Host server, String key)
      throws Exception {
    return get(client.query(KadPeer.of(server.peerId()), KadMessages.request(
        Message.MessageType.GET_PROVIDERS, KadDhtHostTest.sha256Multihash(key))))
        .getProviderPeersCount();
  }

  @Test
  void anOversizedRecordSentToAServerIsRejectedAndNotStored() throws Exception {
    Host x = hosts.startPlain();
    x.dial(addr(a)).join();
    KadStreamClient client = new KadStreamClient(x, DhtHosts.CONFIG);
    byte[] key = IconRecords.key(x.peerId(), "big");
    byte[] huge = new byte[DhtHosts.CONFIG.maxRecordSize() + 1];

    assertThatThrownBy(() -> get(client.query(KadPeer.of(a.peerId()),
        KadMessages.putValue(key, huge)))).isInstanceOf(ExecutionException.class);

    Message answer = get(client.query(KadPeer.of(a.peerId()),
        KadMessages.request(Message.MessageType.GET_VALUE, key)));
    assertThat(answer.hasRecord()).isFalse();
  }

  @Test
  void aRecordWithABadSignatureSentToAServerIsRejectedAndNotStored() throws Exception {
    Host x = hosts.startPlain();
    x.dial(addr(a)).join();
    KadStreamClient client = new KadStreamClient(x, DhtHosts.CONFIG);
    dev.icon.overlay.identity.PrivateKey key = dev.icon.overlay.identity.PrivateKey.generateEd25519();
    byte[] signed = IconRecords.sign(key, "n", "v".getBytes(), 1,
        java.time.Instant.now().plusSeconds(60));
    signed[signed.length - 1] ^= 1;
    byte[] dhtKey = IconRecords.key(key.publicKey().peerId(), "n");

    assertThatThrownBy(() -> get(client.query(KadPeer.of(a.peerId()),
        KadMessages.putValue(dhtKey, signed)))).isInstanceOf(ExecutionException.class);

    Message answer = get(client.query(KadPeer.of(a.peerId()),
        KadMessages.request(Message.MessageType.GET_VALUE, dhtKey)));
    assertThat(answer.hasRecord()).isFalse();
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
