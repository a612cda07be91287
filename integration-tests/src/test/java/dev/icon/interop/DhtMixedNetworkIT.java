package dev.icon.interop;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A mixed DHT of 3 js-libp2p kad-dht servers and 5 in-process ICON servers, each ICON host
 * bootstrapped to one random earlier member (seeded; each js peer after the first likewise to an
 * earlier js peer), so lookups cross the implementations in
 * both directions and follow addresses each side learnt from the other's responses. Every ICON
 * host finds every js peer and reads every js peer's signed record; a js client that knows one js
 * peer finds every ICON host and reads every ICON host's record.
 */
class DhtMixedNetworkIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final int JS = 3;
  private static final int JAVA = 5;

  @Test
  void everyNodeFindsEveryOtherAcrossImplementations() throws Exception {
    Random random = new Random(20261128);
    List<PeerProcess> js = new ArrayList<>();
    List<Host> java = new ArrayList<>();
    try {
      for (int i = 0; i < JS; i++) {
        List<String> args = new ArrayList<>(List.of("--dht"));
        if (i > 0) { // the first has nobody to join through or put to
          args.addAll(List.of("--bootstrap", js.get(random.nextInt(i)).listenAddr(),
              "--put", "js" + i + "=value of js " + i));
        }
        PeerProcess p = PeerProcess.start(args);
        js.add(p);
        if (i > 0) {
          assertThat(p.awaitEvent("dht:put", TIMEOUT).path("ok").asBoolean()).isTrue();
        }
      }
      List<String> members = new ArrayList<>();
      js.forEach(p -> members.add(p.listenAddr()));
      for (int i = 0; i < JAVA; i++) {
        Host host = Host.builder().dht(DhtMode.SERVER, KadConfig.defaults()).build();
        host.start().join();
        java.add(host);
        Dht dht = host.dht().orElseThrow();
        dht.bootstrap(List.of(Multiaddr.parse(members.get(random.nextInt(members.size())))))
            .get(60, TimeUnit.SECONDS);
        int stored = dht.putIconRecord("java" + i, ("value of java " + i).getBytes(), 1,
            Duration.ofHours(1)).get(60, TimeUnit.SECONDS);
        assertThat(stored).as("java %d's record stored", i).isPositive();
        members.add(host.listenAddrs().get(0).withPeerId(host.peerId()).toString());
      }

      for (Host host : java) {
        Dht dht = host.dht().orElseThrow();
        for (int i = 0; i < JS; i++) {
          PeerId target = PeerId.parse(js.get(i).peerId());
          Optional<DhtPeer> found = dht.findPeer(target).get(60, TimeUnit.SECONDS);
          assertThat(found).as("%s finds js %d", host.peerId(), i).isPresent();
          assertThat(found.get().addrs()).extracting(Multiaddr::toString)
              .contains(js.get(i).listenAddr().replace("/p2p/" + target.toBase58(), ""));
          if (i > 0) {
            Optional<byte[]> record = dht.getValue(IconRecords.key(target, "js" + i), 1)
                .get(60, TimeUnit.SECONDS);
            assertThat(record).as("%s reads js %d's record", host.peerId(), i).isPresent();
            assertThat(IconRecord.parseFrom(record.get()).getValue().toStringUtf8())
                .isEqualTo("value of js " + i);
          }
        }
      }

      List<String> args = new ArrayList<>(List.of("--bootstrap", js.get(0).listenAddr(),
          "--exit-when-done"));
      for (int i = 0; i < JAVA; i++) {
        String id = java.get(i).peerId().toBase58();
        args.addAll(List.of("--find-peer", id, "--get", "/icon/" + id + "/java" + i));
      }
      try (PeerProcess client = PeerProcess.start(args)) {
        assertThat(client.awaitExit(TIMEOUT)).as(client.diagnostics()).isZero();
        List<String> foundIds = client.events("dht:found-peer").stream()
            .map(e -> e.path("peerId").asText()).toList();
        assertThat(foundIds).containsExactlyInAnyOrderElementsOf(
            java.stream().map(h -> h.peerId().toBase58()).toList());
        List<String> values = client.events("dht:value").stream()
            .map(e -> e.path("value").asText()).toList();
        assertThat(values).containsExactlyInAnyOrder("value of java 0", "value of java 1",
            "value of java 2", "value of java 3", "value of java 4");
        for (JsonNode e : client.events("dht:found-peer")) {
          Host host = java.stream().filter(h -> h.peerId().toBase58()
              .equals(e.path("peerId").asText())).findFirst().orElseThrow();
          assertThat(e.path("addrs").toString()).contains(host.listenAddrs().get(0).toString());
        }
      }
    } finally {
      for (Host h : java) {
        h.stop().orTimeout(20, TimeUnit.SECONDS).join();
      }
      js.forEach(PeerProcess::close);
    }
  }
}
