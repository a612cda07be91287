package dev.icon.overlay.kad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.proto.libp2p.kad.Message;
import dev.icon.testing.MutableClock;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** {@link KadRequestHandler}: each request type's answer, and bad requests. */
class KadRequestHandlerTest {

  private static final ByteString ADDR = ByteString.copyFrom(new byte[] {4, 127, 0, 0, 1});

  private final Random random = new Random(9);
  private final MutableClock clock =
      new MutableClock(Instant.parse("2026-05-01T00:00:00Z"));
  private final KadConfig config = KadConfig.forTests();
  private final PeerId self = TestPeers.random(random);
  private final RoutingTable table =
      new RoutingTable(self, config.k(), p -> CompletableFuture.completedFuture(true), clock);
  private final RecordStore records =
      new RecordStore(config, RecordValidators.defaults(config, clock), clock);
  private final ProviderStore providers = new ProviderStore(config, clock);
  private final List<PeerId> withoutAddrs = new ArrayList<>();
  private final KadRequestHandler handler = new KadRequestHandler(config, table, records, providers,
      p -> withoutAddrs.contains(p) ? List.of() : List.of(ADDR), clock);
  private final PeerId requester = TestPeers.random(random);

  private List<PeerId> fill(int n) {
    List<PeerId> peers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      PeerId p = TestPeers.random(random);
      table.offer(p);
      peers.add(p);
    }
    return peers;
  }

  private static List<PeerId> ids(List<Message.Peer> peers) {
    return peers.stream().map(p -> PeerId.fromBytes(p.getId().toByteArray())).toList();
  }

  @Test
  void findNodeAnswersTheKClosestKnownPeersWithAddressesButNotTheRequester() {
    fill(100);
    table.offer(requester);
    byte[] target = TestPeers.random(random).toBytes();
    List<PeerId> expected = new ArrayList<>(table.closest(KadKey.of(target), 200));
    expected.remove(requester);
    withoutAddrs.add(expected.get(0));
    expected.remove(0);

    Message response = handler.handle(requester,
        KadMessages.request(Message.MessageType.FIND_NODE, target)).orElseThrow();

    assertThat(ids(response.getCloserPeersList()))
        .containsExactlyElementsOf(expected.subList(0, config.k()));
    assertThat(response.getCloserPeers(0).getAddrsList()).containsExactly(ADDR);
  }

  @Test
  void findNodeForOurOwnIdIncludesOurselvesFirst() {
    fill(5);
    Message response = handler.handle(requester,
        KadMessages.request(Message.MessageType.FIND_NODE, self.toBytes())).orElseThrow();
    assertThat(ids(response.getCloserPeersList())).startsWith(self).hasSize(6);
  }

  @Test
  void putThenGetValueServesTheRecordWithItsReceptionTime() {
    PrivateKey owner = PrivateKey.generateEd25519(new SecureRandom(new byte[] {2}));
    byte[] key = IconRecords.key(owner.publicKey().peerId(), "n");
    byte[] value = IconRecords.sign(owner, "n", new byte[] {42}, 1, clock.instant().plusSeconds(60));
    Message put = KadMessages.putValue(key, value);

    assertThat(handler.handle(requester, put)).contains(put);
    Message got = handler.handle(requester,
        KadMessages.request(Message.MessageType.GET_VALUE, key)).orElseThrow();
    assertThat(got.getRecord().getValue().toByteArray()).isEqualTo(value);
    assertThat(got.getRecord().getTimeReceived()).isEqualTo("2026-05-01T00:00:00Z");
  }

  @Test
  void putValueWithAnInvalidRecordOrMismatchedKeyIsRejected() {
    PrivateKey owner = PrivateKey.generateEd25519(new SecureRandom(new byte[] {3}));
    byte[] key = IconRecords.key(owner.publicKey().peerId(), "n");
    Message forged = KadMessages.putValue(key, new byte[] {1, 2, 3});
    assertThatThrownBy(() -> handler.handle(requester, forged))
        .isInstanceOfSatisfying(KadException.class,
            e -> assertThat(e.error()).isEqualTo(KadError.MALFORMED_RECORD));
    Message mismatched = forged.toBuilder().setKey(ByteString.copyFromUtf8("/icon/other")).build();
    assertThatThrownBy(() -> handler.handle(requester, mismatched))
        .isInstanceOfSatisfying(KadException.class,
            e -> assertThat(e.error()).isEqualTo(KadError.MALFORMED_KEY));
    assertThat(records.size()).isZero();
  }

  @Test
  void addProviderRecordsOnlyTheSenderAndGetProvidersReturnsIt() {
    byte[] cid = {1, 0x55, 0x12, 0x20, 1};
    PeerId other = TestPeers.random(random);
    Message add = Message.newBuilder().setType(Message.MessageType.ADD_PROVIDER)
        .setKey(ByteString.copyFrom(cid))
        .addProviderPeers(KadMessages.toWire(new KadPeer(other, List.of(ADDR)),
            Message.ConnectionType.NOT_CONNECTED))
        .addProviderPeers(KadMessages.toWire(new KadPeer(requester, List.of(ADDR)),
            Message.ConnectionType.CONNECTED))
        .build();
    assertThat(handler.handle(requester, add)).isEmpty();
    Message withoutAddrs = add.toBuilder().setKey(ByteString.copyFrom(new byte[] {5}))
        .clearProviderPeers().addProviderPeers(KadMessages.toWire(KadPeer.of(requester),
            Message.ConnectionType.CONNECTED)).build();
    assertThat(handler.handle(requester, withoutAddrs)).isEmpty();
    assertThat(providers.size()).isEqualTo(1);

    fill(30);
    Message got = handler.handle(TestPeers.random(random),
        KadMessages.request(Message.MessageType.GET_PROVIDERS, cid)).orElseThrow();
    assertThat(ids(got.getProviderPeersList())).containsExactly(requester);
    assertThat(got.getProviderPeers(0).getAddrsList()).containsExactly(ADDR);
    assertThat(got.getCloserPeersList()).hasSize(config.k());

    clock.advance(config.providerValidity());
    assertThat(handler.handle(requester, KadMessages.request(Message.MessageType.GET_PROVIDERS,
        cid)).orElseThrow().getProviderPeersList()).isEmpty();
  }

  @Test
  void pingIsEchoedAndRequestsWithoutKeyOrKnownTypeAreRejected() {
    assertThat(handler.handle(requester, Message.newBuilder().setType(Message.MessageType.PING)
        .build()).orElseThrow().getType()).isEqualTo(Message.MessageType.PING);
    assertThatThrownBy(() -> handler.handle(requester,
        Message.newBuilder().setType(Message.MessageType.FIND_NODE).build()))
        .isInstanceOfSatisfying(KadException.class,
            e -> assertThat(e.error()).isEqualTo(KadError.MALFORMED_KEY));
    assertThatThrownBy(() -> handler.handle(requester,
        Message.newBuilder().setTypeValue(17).setKey(ByteString.copyFromUtf8("k")).build()))
        .isInstanceOfSatisfying(KadException.class,
            e -> assertThat(e.error()).isEqualTo(KadError.MALFORMED_MESSAGE));
  }

  @Test
  void addProviderFloodFromOneSenderStaysBounded() {
    for (int i = 0; i < 5000; i++) {
      byte[] cid = {(byte) i, (byte) (i >> 8), 9};
      handler.handle(requester, Message.newBuilder().setType(Message.MessageType.ADD_PROVIDER)
          .setKey(ByteString.copyFrom(cid))
          .addProviderPeers(KadMessages.toWire(new KadPeer(requester, List.of(ADDR)),
              Message.ConnectionType.CONNECTED)).build());
    }
    assertThat(providers.size()).isEqualTo(5000);
    KadConfig tight = config.toBuilder().maxProviderRecords(1000).build();
    ProviderStore bounded = new ProviderStore(tight, clock);
    KadRequestHandler h = new KadRequestHandler(tight, table, records, bounded, p -> List.of(ADDR),
        clock);
    for (int i = 0; i < 5000; i++) {
      h.handle(requester, Message.newBuilder().setType(Message.MessageType.ADD_PROVIDER)
          .setKey(ByteString.copyFrom(new byte[] {(byte) i, (byte) (i >> 8), 9}))
          .addProviderPeers(KadMessages.toWire(new KadPeer(requester, List.of(ADDR)),
              Message.ConnectionType.CONNECTED)).build());
    }
    assertThat(bounded.size()).isEqualTo(1000);
  }
}
