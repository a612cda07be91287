package dev.icon.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.icon.overlay.api.Dht;
import dev.icon.overlay.api.DhtMode;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.kad.KadConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A real js-libp2p kad-dht client ({@code js-peer/dht-forge.mjs}) puts bad {@code /icon/} records
 * (flipped signature, signed by another key, not an IconRecord, expired, 20 KiB value) and then a
 * valid control record. ICON's DHT server acknowledges only the control record, stores none of the
 * bad ones and keeps serving; the js peer's own validator refuses the same records.
 */
class DhtBadRecordsIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final List<String> FORGED =
      List.of("bad-signature", "wrong-owner", "garbage", "expired", "oversized");

  @Test
  void javaServerRefusesBadRecordsFromJsAndStoresTheValidOne() throws Exception {
    Host java = Host.builder().dht(DhtMode.SERVER, KadConfig.defaults()).build();
    java.start().join();
    String javaAddr = java.listenAddrs().get(0).withPeerId(java.peerId()).toString();
    try (PeerProcess forger = PeerProcess.startScript("dht-forge.mjs",
        List.of("--bootstrap", javaAddr))) {
      assertThat(forger.awaitExit(TIMEOUT)).as(forger.diagnostics()).isZero();
      Map<String, JsonNode> puts = puts(forger);
      Dht dht = java.dht().orElseThrow();
      for (String kind : FORGED) {
        assertThat(puts.get(kind).path("peers").asInt()).as(kind + " acknowledged").isZero();
        assertThat(dht.getValue(key(puts.get(kind)), 1).get(30, TimeUnit.SECONDS))
            .as(kind + " stored").isEmpty();
      }
      assertThat(puts.get("control").path("peers").asInt()).as("control acknowledged").isOne();
      assertThat(dht.getValue(key(puts.get("control")), 1).get(30, TimeUnit.SECONDS))
          .as("control stored after the bad records").isPresent();
      String control = puts.get("control").path("key").asText();
      try (PeerProcess reader = PeerProcess.start("--bootstrap", javaAddr, "--get", control,
          "--exit-when-done")) {
        assertThat(reader.awaitExit(TIMEOUT)).as("Java still serves: " + reader.diagnostics())
            .isZero();
        assertThat(reader.awaitEvent("dht:value", TIMEOUT).path("value").asText())
            .isEqualTo("valid");
      }
    } finally {
      java.stop().orTimeout(20, TimeUnit.SECONDS).join();
    }
  }

  @Test
  void jsServerRefusesTheSameBadRecords() {
    try (PeerProcess js = PeerProcess.start("--dht");
        PeerProcess forger = PeerProcess.startScript("dht-forge.mjs",
            List.of("--bootstrap", js.listenAddr()))) {
      assertThat(forger.awaitExit(TIMEOUT)).as(forger.diagnostics()).isZero();
      Map<String, JsonNode> puts = puts(forger);
      for (String kind : List.of("bad-signature", "wrong-owner", "garbage", "expired")) {
        assertThat(puts.get(kind).path("peers").asInt()).as(kind + " acknowledged").isZero();
      }
      assertThat(puts.get("control").path("peers").asInt()).isOne();
    }
  }

  private static Map<String, JsonNode> puts(PeerProcess forger) {
    Map<String, JsonNode> byKind = new LinkedHashMap<>();
    forger.events("put").forEach(e -> byKind.put(e.path("kind").asText(), e));
    assertThat(byKind).as(forger.diagnostics()).containsKeys(FORGED.toArray(String[]::new))
        .containsKey("control");
    return byKind;
  }

  private static byte[] key(JsonNode put) {
    return put.path("key").asText().getBytes(StandardCharsets.UTF_8);
  }
}
