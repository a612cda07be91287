package dev.icon.overlay.kad;

import static dev.icon.overlay.kad.DhtHosts.addr;
import static dev.icon.overlay.kad.DhtHosts.dht;
import static dev.icon.overlay.kad.DhtHosts.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import dev.icon.overlay.api.DhtMode;
import dev.icon.overlay.api.DhtPeer;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.kad.MisbehavingKadPeer.Behaviour;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A hostile kad server ({@link MisbehavingKadPeer}) cannot stall a lookup in a 12-host network (k =
 * 4, so targets are several hops away); the seeker finds its target within {@code
 * (ceil(maxCloserPeersPerResponse / alpha) + 2)} request timeouts. For garbage frames and silence
 * the seeker's table holds the hostile peer and one honest peer. For invented peers (far from, or
 * very close to, the key; their address accepts TCP and never speaks) the seeker knows only the
 * hostile peer, which also names one honest peer: the lookup must get past every invention.
 * Invented close peers are the costly case: each is tried, alpha at a time, and costs a request
 * timeout; the per-response cap on closer peers bounds how many.
 */
class KadDhtMisbehavingPeerTest {

  /** k = 4 for multi-hop lookups; at most 8 closer peers read per response (2k). */
  private static final KadConfig CONFIG =
      DhtHosts.CONFIG.toBuilder().k(4).alpha(3).maxCloserPeersPerResponse(8).build();

  private static DhtHosts hosts;
  private static KadNetworkRun honest;
  private static BlackHoleListener blackHole;

  @BeforeAll
  static void honestNetwork() throws Exception {
    hosts = new DhtHosts();
    honest = new KadNetworkRun(hosts, CONFIG, 12);
    honest.join(12);
    blackHole = new BlackHoleListener();
  }

  @AfterAll
  static void stop() throws Exception {
    hosts.close();
    blackHole.close();
  }

  @ParameterizedTest
  @EnumSource(Behaviour.class)
  void aLookupThroughAMisbehavingPeerStillFindsItsTargetWithinABound(Behaviour behaviour)
      throws Exception {
    Host entry = honest.nodes.get(0);
    Host target = farthestFrom(entry);
    Host bad = hosts.startPlain();
    KadPeer entryPeer = new KadPeer(entry.peerId(),
        List.of(ByteString.copyFrom(entry.listenAddrs().get(0).toBytes())));
    MisbehavingKadPeer hostile = new MisbehavingKadPeer(behaviour,
        CONFIG.maxCloserPeersPerResponse() - 1, blackHole.address(), entryPeer, behaviour.ordinal());
    bad.addProtocol(KadProtocol.ID, hostile);
    boolean inventions = behaviour == Behaviour.FAR_AWAY_PEERS
        || behaviour == Behaviour.CLOSE_FAKE_PEERS;
    List<Host> known = inventions ? List.of(bad) : List.of(bad, entry);
    Host seeker = hosts.start(DhtMode.CLIENT, CONFIG);
    for (Host h : known) {
      seeker.dial(addr(h)).join();
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> dht(seeker).routingTable()
        .containsAll(known.stream().map(Host::peerId).toList()));
    int blackHoleBefore = blackHole.connections();

    long start = System.nanoTime();
    Optional<DhtPeer> found = get(dht(seeker).findPeer(target.peerId()));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    int invented = blackHole.connections() - blackHoleBefore;
    System.out.printf("findPeer through a %s peer: %s, %d ms, %d request(s) to it, %d invented"
        + " peer(s) dialled%n", behaviour, found.map(p -> p.hops() + " hops").orElse("not found"),
        took.toMillis(), hostile.requests(), invented);

    await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
        assertThat(hostile.requests()).as("the hostile peer was asked").isPositive());
    assertThat(found).as("target found").isPresent();
    assertThat(found.get().addrs()).containsAll(target.listenAddrs());
    int rounds = (CONFIG.maxCloserPeersPerResponse() + CONFIG.alpha() - 1) / CONFIG.alpha() + 2;
    assertThat(took).isLessThan(CONFIG.requestTimeout().multipliedBy(rounds));
    if (behaviour == Behaviour.CLOSE_FAKE_PEERS) {
      assertThat(invented).as("invented close peers were tried").isPositive();
    }
  }

  /** The honest host whose key is farthest from {@code from}'s: the lookup needs several hops. */
  private static Host farthestFrom(Host from) {
    KadKey key = KadKey.of(from.peerId());
    return honest.nodes.stream().filter(h -> h != from)
        .max((a, b) -> key.byDistance().compare(KadKey.of(a.peerId()), KadKey.of(b.peerId())))
        .orElseThrow();
  }
}
