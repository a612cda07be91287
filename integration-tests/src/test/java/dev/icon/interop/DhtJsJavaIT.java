package dev.icon.interop;

import static dev.icon.interop.PeerProcess.named;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.icon.overlay.api.Dht;
import dev.icon.overlay.api.DhtMode;
import dev.icon.overlay.api.DhtPeer;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.kad.IconRecords;
import dev.icon.overlay.kad.KadConfig;
import dev.icon.overlay.multiaddr.Multiaddr;
import dev.icon.proto.libp2p.kad.IconRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ICON's Kademlia DHT against real js-libp2p kad-dht 16.4.5 peers in server mode
 * ({@code /ipfs/kad/1.0.0}, loopback addresses kept, the js peer's {@code /icon/} validator): each
 * test starts js peer A, then js peer B bootstrapped to A (so B's routing table holds A), then an
 * in-process Java host in server mode that knows only B. Peer lookups, signed records and provider
 * records cross both ways.
 */
class DhtJsJavaIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private PeerProcess jsA;
  private PeerProcess jsB;
  private Host java;

  @BeforeEach
  void startJsNetwork() {
    jsA = PeerProcess.start("--dht");
    jsB = PeerProcess.start("--dht", "--bootstrap", jsA.listenAddr(),
        "--put", "from-js=hello from js", "--provide", "js-content");
    jsB.awaitEvent("dht:provide", TIMEOUT);
    assertThat(jsB.events("error")).as(jsB.diagnostics()).isEmpty();
  }

  @AfterEach
  void stop() {
    if (java != null) {
      java.stop().orTimeout(20, TimeUnit.SECONDS).join();
    }
    for (PeerProcess p : new PeerProcess[] {jsB, jsA}) {
      if (p != null) {
        p.close();
      }
    }
  }

  /** A Java DHT server connected to js peer B only, once B is in its routing table. */
  private Dht javaKnowingOnlyB() {
    java = Host.builder().dht(DhtMode.SERVER, KadConfig.defaults()).build();
    java.start().join();
    Dht dht = java.dht().orElseThrow();
    java.dial(Multiaddr.parse(jsB.listenAddr())).join();
    PeerId b = PeerId.parse(jsB.peerId());
    await().atMost(TIMEOUT).until(() -> dht.routingTable().contains(b)); // after identify
    return dht;
  }

  private String javaAddr() {
    return java.listenAddrs().get(0).withPeerId(java.peerId()).toString();
  }

  @Test
  void javaFindsJsPeerAThroughJsPeerB() throws Exception {
    Dht dht = javaKnowingOnlyB();
    PeerId a = PeerId.parse(jsA.peerId());
    assertThat(dht.routingTable()).as("Java has not met A yet").doesNotContain(a);

    Optional<DhtPeer> found = dht.findPeer(a).get(60, TimeUnit.SECONDS);

    assertThat(found).as("A found through B").isPresent();
    String aAddr = jsA.listenAddr().replace("/p2p/" + jsA.peerId(), "");
    assertThat(found.get().addrs()).extracting(Multiaddr::toString).contains(aAddr);
    assertThat(found.get().hops()).as("B named A: one hop").isEqualTo(1);
  }

  @Test
  void recordsPutByJavaAreReadByJsAndTheOtherWayRound() throws Exception {
    Dht dht = javaKnowingOnlyB();
    dht.bootstrap(List.of(Multiaddr.parse(jsB.listenAddr()))).get(60, TimeUnit.SECONDS);

    // js -> Java: B's signed record, put before Java existed, is read from A or B.
    Optional<byte[]> fromJs = dht.getValue(
        IconRecords.key(PeerId.parse(jsB.peerId()), "from-js"), 3).get(60, TimeUnit.SECONDS);
    assertThat(fromJs).as("B's record found").isPresent();
    assertThat(IconRecord.parseFrom(fromJs.get()).getValue().toStringUtf8())
        .isEqualTo("hello from js");

    // Java -> js: a record Java signs and puts is accepted by the js servers and read by a js client.
    int stored = dht.putIconRecord("from-java", utf8("hello from java"), 1, Duration.ofHours(1))
        .get(60, TimeUnit.SECONDS);
    assertThat(stored).as("js servers acknowledged").isGreaterThanOrEqualTo(2);
    String key = "/icon/" + java.peerId().toBase58() + "/from-java";
    try (PeerProcess reader = PeerProcess.start("--bootstrap", jsA.listenAddr(), "--get", key,
        "--exit-when-done")) {
      assertThat(reader.awaitExit(TIMEOUT)).as(reader.diagnostics()).isZero();
      JsonNode value = reader.awaitEvent("dht:value", TIMEOUT);
      assertThat(value.path("key").asText()).isEqualTo(key);
      assertThat(value.path("value").asText()).isEqualTo("hello from java");
    }

    // js -> Java server: a js client puts through Java alone; Java validates, stores and serves it.
    try (PeerProcess writer = PeerProcess.start("--bootstrap", javaAddr(),
        "--put", "via-java=stored by java", "--exit-when-done")) {
      assertThat(writer.awaitExit(TIMEOUT)).as(writer.diagnostics()).isZero();
      assertThat(writer.awaitEvent("dht:put", TIMEOUT).path("ok").asBoolean()).isTrue();
      Optional<byte[]> viaJava = dht.getValue(
          IconRecords.key(PeerId.parse(writer.peerId()), "via-java"), 1).get(60, TimeUnit.SECONDS);
      assertThat(viaJava).isPresent();
      assertThat(IconRecord.parseFrom(viaJava.get()).getValue().toStringUtf8())
          .isEqualTo("stored by java");
    }
  }

  @Test
  void providerRecordsCrossBothWays() throws Exception {
    Dht dht = javaKnowingOnlyB();
    dht.bootstrap(List.of(Multiaddr.parse(jsB.listenAddr()))).get(60, TimeUnit.SECONDS);

    // js provides (B, at start), Java finds.
    List<DhtPeer> jsProviders = dht.findProviders(sha256Multihash("js-content"), 20)
        .get(60, TimeUnit.SECONDS);
    assertThat(jsProviders).extracting(p -> p.id().toBase58()).contains(jsB.peerId());
    DhtPeer b = jsProviders.stream().filter(p -> p.id().toBase58().equals(jsB.peerId()))
        .findFirst().orElseThrow();
    assertThat(b.addrs()).extracting(Multiaddr::toString)
        .contains(jsB.listenAddr().replace("/p2p/" + jsB.peerId(), ""));

    // Java provides, a js client finds it (through A, which never heard of Java before).
    int told = dht.provide(sha256Multihash("java-content")).get(60, TimeUnit.SECONDS);
    assertThat(told).isGreaterThanOrEqualTo(2);
    try (PeerProcess seeker = PeerProcess.start("--bootstrap", jsA.listenAddr(),
        "--find-providers", "java-content", "--exit-when-done")) {
      assertThat(seeker.awaitExit(TIMEOUT)).as(seeker.diagnostics()).isZero();
      JsonNode providers = seeker.awaitEvent(named("dht:providers"), "providers", TIMEOUT);
      assertThat(providers.path("key").asText()).isEqualTo("java-content");
      JsonNode javaEntry = null;
      for (JsonNode p : providers.path("providers")) {
        if (p.path("peerId").asText().equals(java.peerId().toBase58())) {
          javaEntry = p;
        }
      }
      assertThat(javaEntry).as("Java among the providers: " + providers).isNotNull();
      assertThat(javaEntry.path("addrs").toString())
          .contains(java.listenAddrs().get(0).toString());
    }
  }

  /** The provider key of text (the peers' documented rule): the sha2-256 multihash of its UTF-8. */
  static byte[] sha256Multihash(String text) throws Exception {
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(utf8(text));
    byte[] mh = new byte[34];
    mh[0] = 0x12;
    mh[1] = 32;
    System.arraycopy(digest, 0, mh, 2, 32);
    return mh;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
