package dev.icon.overlay.kad;

import static dev.icon.overlay.kad.DhtHosts.addr;
import static dev.icon.overlay.kad.DhtHosts.dht;
import static dev.icon.overlay.kad.DhtHosts.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.icon.overlay.api.DhtMode;
import dev.icon.overlay.api.DhtPeer;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.api.HostError;
import dev.icon.overlay.api.HostException;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.proto.libp2p.kad.IconRecord;
import dev.icon.proto.libp2p.kad.Message;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The DHT bound to real hosts on loopback: three servers (a, b, c), b and c bootstrapped to a. */
class KadDhtHostTest {

  private DhtHosts hosts;
  private Host a;
  private Host b;
  private Host c;

  @BeforeEach
  void network() throws Exception {
    hosts = new DhtHosts();
    a = hosts.start(DhtMode.SERVER);
    b = hosts.start(DhtMode.SERVER);
    c = hosts.start(DhtMode.SERVER);
    get(dht(b).bootstrap(List.of(addr(a))));
    await().atMost(Duration.ofSeconds(10))
        .until(() -> dht(a).routingTable().contains(b.peerId()));
    get(dht(c).bootstrap(List.of(addr(a))));
  }

  @AfterEach
  void stop() {
    hosts.close();
  }

  @Test
  void serverHostsAdvertiseTheProtocolAndEnterEachOthersTables() {
    assertThat(a.protocols()).contains(KadProtocol.ID);
    assertThat(dht(c).routingTable()).contains(a.peerId(), b.peerId());
    await().atMost(Duration.ofSeconds(10))
        .until(() -> dht(a).routingTable().containsAll(List.of(b.peerId(), c.peerId())));
  }

  @Test
  void findPeerReturnsTheAddressesOfAPeerLearntThroughTheBootstrapPeer() throws Exception {
    Optional<DhtPeer> found = get(dht(c).findPeer(b.peerId()));

    assertThat(found).isPresent();
    assertThat(found.get().addrs()).containsAll(b.listenAddrs());
    System.out.println("findPeer c -> b: hops " + found.get().hops());
  }

  @Test
  void findPeerOfAnUnknownPeerIsEmpty() throws Exception {
    Host stranger = hosts.startPlain();

    assertThat(get(dht(c).findPeer(stranger.peerId()))).isEmpty();
  }

  @Test
  void aSignedRecordPutOnOneHostIsReadOnAnotherAndANewerSequenceWins() throws Exception {
    byte[] key = IconRecords.key(c.peerId(), "status");

    int stored = get(dht(c).putIconRecord("status", bytes("v1"), 1, Duration.ofMinutes(5)));
    assertThat(stored).isGreaterThanOrEqualTo(2);
    assertThat(valueOf(get(dht(b).getValue(key, 2)))).isEqualTo("v1");

    get(dht(c).putIconRecord("status", bytes("v2"), 2, Duration.ofMinutes(5)));
    assertThat(valueOf(get(dht(a).getValue(key, 2)))).isEqualTo("v2");
  }

  @Test
  void getValueSendsTheNewestRecordToPeersThatReturnedAnOlderOne() throws Exception {
    PrivateKey ownerKey = PrivateKey.generateEd25519();
    Host owner = hosts.start(DhtMode.SERVER, DhtHosts.CONFIG, ownerKey);
    get(dht(owner).bootstrap(List.of(addr(a))));
    byte[] key = IconRecords.key(owner.peerId(), "status");
    get(dht(owner).putIconRecord("status", bytes("old"), 1, Duration.ofMinutes(5)));
    byte[] newer = IconRecords.sign(ownerKey, "status", bytes("new"), 2,
        java.time.Instant.now().plus(Duration.ofMinutes(5)));
    KadStreamClient client = new KadStreamClient(owner, DhtHosts.CONFIG);
    get(client.query(KadPeer.of(a.peerId()), KadMessages.putValue(key, newer)));

    assertThat(valueOf(get(dht(b).getValue(key, 4)))).isEqualTo("new");

    await().atMost(Duration.ofSeconds(10)).until(() ->
        storedValue(client, c, key).equals("new") && storedValue(client, b, key).equals("new"));
  }

  private static String storedValue(KadStreamClient client, Host server, byte[] key)
      throws Exception {
    Message m = get(client.query(KadPeer.of(server.peerId()),
        KadMessages.request(Message.MessageType.GET_VALUE, key)));
    return m.hasRecord() ? IconRecord.parseFrom(m.getRecord().getValue()).getValue().toStringUtf8() : "";
  }

  @Test
  void getValueOfAnAbsentKeyIsEmpty() throws Exception {
    assertThat(get(dht(b).getValue(IconRecords.key(c.peerId(), "nothing"), 1))).isEmpty();
  }

  @Test
  void providersAnnouncedOnOneHostAreFoundFromAnother() throws Exception {
    byte[] key = sha256Multihash("well-known service");

    int announced = get(dht(b).provide(key));
    List<DhtPeer> providers = get(dht(c).findProviders(key, 5));

    assertThat(announced).isGreaterThanOrEqualTo(2);
    assertThat(providers).extracting(DhtPeer::id).containsExactly(b.peerId());
    assertThat(providers.get(0).addrs()).containsAll(b.listenAddrs());
  }

  @Test
  void anOversizedRecordIsRejectedWithTheReasonBeforeAnythingIsSent() {
    byte[] huge = new byte[CONFIG_RECORD_LIMIT + 1];

    assertThatThrownBy(() -> get(dht(c).putIconRecord("big", huge, 1, Duration.ofMinutes(1))))
        .isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(KadException.class)
        .satisfies(e -> assertThat(((KadException) e).error()).isEqualTo(KadError.OVERSIZED_RECORD))
        .hasMessageContaining("exceeds the limit of " + CONFIG_RECORD_LIMIT);
  }

  @Test
  void providerKeysLongerThanTheLimitAreRejected() {
    assertThatThrownBy(() -> get(dht(c).provide(new byte[DhtHosts.CONFIG.maxProviderKeyLength() + 1])))
        .cause().isInstanceOf(KadException.class).hasMessageContaining("provider key of");
  }

  @Test
  void aStoppedHostsDhtRefusesWork() throws Exception {
    get(c.stop());

    assertThatThrownBy(() -> get(dht(c).findPeer(b.peerId())))
        .cause().isInstanceOf(HostException.class)
        .satisfies(e -> assertThat(((HostException) e).error()).isEqualTo(HostError.NOT_RUNNING));
  }

  private static final int CONFIG_RECORD_LIMIT = DhtHosts.CONFIG.maxRecordSize();

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String valueOf(Optional<byte[]> signed) throws Exception {
    assertThat(signed).isPresent();
    return IconRecord.parseFrom(signed.get()).getValue().toStringUtf8();
  }

  static byte[] sha256Multihash(String text) throws Exception {
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes(text));
    byte[] mh = new byte[34];
    mh[0] = 0x12;
    mh[1] = 0x20;
    System.arraycopy(digest, 0, mh, 2, 32);
    return mh;
  }
}
