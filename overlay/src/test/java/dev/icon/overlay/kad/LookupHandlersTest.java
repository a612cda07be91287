package dev.icon.overlay.kad;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.proto.libp2p.kad.Message;
import dev.icon.proto.libp2p.kad.Record;
import dev.icon.testing.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ValueCollector}, {@link ProviderCollector} and {@link PeerFinder}. */
class LookupHandlersTest {

  private static final ByteString ADDR = ByteString.copyFrom(new byte[] {4, 127, 0, 0, 1});

  private final Random random = new Random(21);
  private final MutableClock clock =
      new MutableClock(Instant.parse("2026-07-01T00:00:00Z"));
  private final RecordValidators validators =
      RecordValidators.defaults(KadConfig.defaults(), clock);
  private final PrivateKey owner = PrivateKey.generateEd25519(new SecureRandom(new byte[] {4}));
  private final byte[] key = IconRecords.key(owner.publicKey().peerId(), "n");
  private final Instant expiry = clock.instant().plus(Duration.ofHours(1));

  private byte[] signed(long sequence) {
    return IconRecords.sign(owner, "n", new byte[] {(byte) sequence}, sequence, expiry);
  }

  private Message withRecord(byte[] recordKey, byte[] value) {
    return Message.newBuilder().setType(Message.MessageType.GET_VALUE)
        .setRecord(Record.newBuilder().setKey(ByteString.copyFrom(recordKey))
            .setValue(ByteString.copyFrom(value))).build();
  }

  @Test
  void valueCollectorKeepsTheBestAndNamesOutdatedPeers() {
    ValueCollector collector = new ValueCollector(key, validators, 4);
    PeerId a = TestPeers.random(random);
    PeerId b = TestPeers.random(random);
    PeerId c = TestPeers.random(random);
    PeerId d = TestPeers.random(random);
    PeerId liar = TestPeers.random(random);
    assertThat(collector.onResponse(a, withRecord(key, signed(1)))).isFalse();
    assertThat(collector.onResponse(liar, withRecord(key, new byte[] {1, 2}))).isFalse();
    assertThat(collector.onResponse(liar, withRecord(new byte[] {9}, signed(9)))).isFalse();
    assertThat(collector.onResponse(b, withRecord(key, signed(3)))).isFalse();
    assertThat(collector.onResponse(c, Message.getDefaultInstance())).isFalse();
    assertThat(collector.onResponse(c, withRecord(key, signed(2)))).isFalse();
    assertThat(collector.onResponse(d, withRecord(key, signed(3)))).isTrue();

    assertThat(collector.best()).hasValueSatisfying(v -> assertThat(v).isEqualTo(signed(3)));
    assertThat(collector.bestPeers()).containsExactlyInAnyOrder(b, d);
    assertThat(collector.outdatedPeers()).containsExactlyInAnyOrder(a, c);
    assertThat(collector.validCount()).isEqualTo(4);
    assertThat(collector.rejectedCount()).isEqualTo(2);
  }

  @Test
  void localValueCountsTowardTheQuorum() {
    ValueCollector collector = new ValueCollector(key, validators, 2);
    collector.addLocal(signed(5));
    PeerId stale = TestPeers.random(random);
    assertThat(collector.onResponse(stale, withRecord(key, signed(4)))).isTrue();
    assertThat(collector.outdatedPeers()).containsExactly(stale);
    assertThat(collector.bestPeers()).isEmpty();
  }

  private static Message providers(List<KadPeer> peers) {
    Message.Builder b = Message.newBuilder().setType(Message.MessageType.GET_PROVIDERS);
    peers.forEach(p -> b.addProviderPeers(
        KadMessages.toWire(p, Message.ConnectionType.NOT_CONNECTED)));
    return b.build();
  }

  @Test
  void providerCollectorDeduplicatesAndStopsWhenEnoughAreKnown() {
    ProviderCollector collector = new ProviderCollector(3, 2);
    PeerId p1 = TestPeers.random(random);
    PeerId p2 = TestPeers.random(random);
    PeerId p3 = TestPeers.random(random);
    PeerId from = TestPeers.random(random);
    assertThat(collector.onResponse(from, providers(List.of(KadPeer.of(p1), KadPeer.of(p2),
        KadPeer.of(p3))))).isFalse();
    assertThat(collector.onResponse(from,
        providers(List.of(new KadPeer(p1, List.of(ADDR)))))).isFalse();
    assertThat(collector.onResponse(from, providers(List.of(KadPeer.of(p3))))).isTrue();
    assertThat(collector.providers()).containsExactly(new KadPeer(p1, List.of(ADDR)),
        KadPeer.of(p2), KadPeer.of(p3));
  }

  @Test
  void peerFinderStopsWhenTheTargetIsNamedWithAddressesOrAnswers() {
    PeerId target = TestPeers.random(random);
    PeerId from = TestPeers.random(random);
    PeerFinder finder = new PeerFinder(target);
    Message namedWithoutAddrs = Message.newBuilder().addCloserPeers(
        KadMessages.toWire(KadPeer.of(target), Message.ConnectionType.NOT_CONNECTED)).build();
    assertThat(finder.onResponse(from, namedWithoutAddrs)).isFalse();
    Message named = Message.newBuilder().addCloserPeers(KadMessages.toWire(
        new KadPeer(target, List.of(ADDR)), Message.ConnectionType.CONNECTED)).build();
    assertThat(finder.onResponse(from, named)).isTrue();
    assertThat(finder.found()).contains(new KadPeer(target, List.of(ADDR)));

    PeerFinder direct = new PeerFinder(target);
    assertThat(direct.onResponse(target, Message.getDefaultInstance())).isTrue();
    assertThat(direct.found()).contains(KadPeer.of(target));
  }
}
