package dev.icon.overlay.kad;

import static dev.icon.overlay.kad.DhtHosts.addr;
import static dev.icon.overlay.kad.DhtHosts.dht;
import static dev.icon.overlay.kad.DhtHosts.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.icon.overlay.api.DhtMode;
import dev.icon.overlay.api.DhtPeer;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.proto.libp2p.kad.Message;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Periodic jobs and routing-table eviction on real hosts, with intervals of a second or two. */
class KadDhtMaintenanceTest {

  private static final KadConfig FAST = DhtHosts.CONFIG.toBuilder()
      .providerValidity(Duration.ofMillis(2500))
      .providerRepublishInterval(Duration.ofMillis(700))
      .providerCleanupInterval(Duration.ofMillis(200))
      .build();

  @Test
  void providerRecordsAreRepublishedWhileTheProviderRunsAndExpireAfterItStops() throws Exception {
    try (DhtHosts hosts = new DhtHosts()) {
      Host a = hosts.start(DhtMode.SERVER, FAST);
      Host b = hosts.start(DhtMode.SERVER, FAST);
      Host seeker = hosts.startPlain();
      get(dht(b).bootstrap(List.of(addr(a))));
      byte[] key = KadDhtHostTest.sha256Multihash("republished");
      get(dht(b).provide(key));
      KadStreamClient client = new KadStreamClient(seeker, FAST);
      seeker.dial(addr(a)).join();
      long start = System.nanoTime();

      // Past the validity of the first announcement, a still lists b: b has republished.
      await().pollDelay(Duration.ofMillis(3500)).atMost(Duration.ofSeconds(10))
          .until(() -> providersAt(client, a, key) == 1);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(FAST.providerValidity());

      b.stop().join();
      await().atMost(Duration.ofSeconds(10)).until(() -> providersAt(client, a, key) == 0);
    }
  }

  @Test
  void aPeerThatStoppedAnsweringIsEvictedAfterALookup() throws Exception {
    try (DhtHosts hosts = new DhtHosts()) {
      Host a = hosts.start(DhtMode.SERVER);
      Host b = hosts.start(DhtMode.SERVER);
      Host c = hosts.start(DhtMode.SERVER);
      get(dht(b).bootstrap(List.of(addr(a))));
      get(dht(c).bootstrap(List.of(addr(a))));
      await().atMost(Duration.ofSeconds(10)).until(() -> dht(c).routingTable().contains(b.peerId()));

      b.stop().join();
      List<DhtPeer> none = get(dht(c).findProviders(KadDhtHostTest.sha256Multihash("x"), 1));

      assertThat(none).isEmpty();
      assertThat(dht(c).routingTable()).doesNotContain(b.peerId()).contains(a.peerId());
    }
  }

  @Test
  void periodicRefreshEvictsAPeerThatStoppedAndNoDhtThreadOutlivesTheHost() throws Exception {
    KadConfig refreshing = DhtHosts.CONFIG.toBuilder().refreshInterval(Duration.ofMillis(300)).build();
    try (DhtHosts hosts = new DhtHosts()) {
      Host a = hosts.start(DhtMode.SERVER, refreshing);
      Host b = hosts.start(DhtMode.SERVER, refreshing);
      Host c = hosts.start(DhtMode.SERVER, refreshing);
      get(dht(b).bootstrap(List.of(addr(a))));
      get(dht(c).bootstrap(List.of(addr(a))));
      await().atMost(Duration.ofSeconds(10)).until(() -> dht(c).routingTable().contains(b.peerId()));

      b.stop().join();

      await().atMost(Duration.ofSeconds(10)).until(() -> !dht(c).routingTable().contains(b.peerId()));
      assertThat(dht(c).routingTable()).contains(a.peerId());
      c.stop().join();
      String thread = "icon-kad-" + c.peerId().toBase58();
      await().atMost(Duration.ofSeconds(5)).until(() -> Thread.getAllStackTraces().keySet().stream()
          .noneMatch(t -> t.getName().equals(thread)));
    }
  }

  @Test
  void aFullBucketKeepsItsOldestPeerWhileItAnswersAndReplacesItOnceItIsGone() throws Exception {
    KadConfig oneSlot = DhtHosts.CONFIG.toBuilder().k(1).alpha(1).build();
    try (DhtHosts hosts = new DhtHosts()) {
      PrivateKey aKey = PrivateKey.generateEd25519();
      Host a = hosts.start(DhtMode.SERVER, oneSlot, aKey);
      Host old = hosts.start(DhtMode.SERVER, oneSlot, keyInBucketZeroOf(a.peerId()));
      Host first = hosts.start(DhtMode.SERVER, oneSlot, keyInBucketZeroOf(a.peerId()));
      Host second = hosts.start(DhtMode.SERVER, oneSlot, keyInBucketZeroOf(a.peerId()));
      old.dial(addr(a)).join();
      await().atMost(Duration.ofSeconds(10)).until(() -> dht(a).routingTable().equals(List.of(old.peerId())));

      first.dial(addr(a)).join();
      await().atMost(Duration.ofSeconds(10)).until(() -> a.peerStore().info(first.peerId()).isPresent());
      await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
          .until(() -> dht(a).routingTable().equals(List.of(old.peerId())));

      old.stop().join();
      second.dial(addr(a)).join();
      await().atMost(Duration.ofSeconds(10))
          .until(() -> dht(a).routingTable().equals(List.of(second.peerId())));
    }
  }

  /** A key whose peer id shares no leading bit with {@code self}'s kad key (bucket 0). */
  private static PrivateKey keyInBucketZeroOf(PeerId self) {
    while (true) {
      PrivateKey k = PrivateKey.generateEd25519();
      if (KadKey.of(self).commonPrefixLength(KadKey.of(k.publicKey().peerId())) == 0) {
        return k;
      }
    }
  }

  private static int providersAt(KadStreamClient client, Host server, byte[] key)
      throws Exception {
    return get(client.query(KadPeer.of(server.peerId()),
        KadMessages.request(Message.MessageType.GET_PROVIDERS, key))).getProviderPeersCount();
  }
}
