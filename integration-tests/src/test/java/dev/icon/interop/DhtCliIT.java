package dev.icon.interop;

import static dev.icon.interop.PeerProcess.named;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The DHT options of {@code ./icon peer} end to end, against js peers running the same options
 * (js A; js B bootstrapped to A, which puts a record and provides a key): every action's {@code
 * dht:*} event, what the ICON peer puts and provides read back by a js client, and the exit code
 * and {@code error} event of actions that find nothing.
 */
class DhtCliIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  private PeerProcess jsA;
  private PeerProcess jsB;

  @BeforeEach
  void startJsNetwork() {
    jsA = PeerProcess.start("--dht");
    jsB = PeerProcess.start("--dht", "--bootstrap", jsA.listenAddr(),
        "--put", "from-js=hello from js", "--provide", "js-content");
    jsB.awaitEvent("dht:provide", TIMEOUT);
  }

  @AfterEach
  void stop() {
    for (PeerProcess p : new PeerProcess[] {jsB, jsA}) {
      if (p != null) {
        p.close();
      }
    }
  }

  @Test
  void iconPeerRunsEveryDhtActionAgainstJsPeers() {
    String fromJs = "/icon/" + jsB.peerId() + "/from-js";
    try (PeerProcess icon = PeerProcess.startIcon("--dht", "--bootstrap", jsB.listenAddr(),
        "--put", "from-icon=hello from icon", "--provide", "icon-content", "--get", fromJs,
        "--find-providers", "js-content", "--find-peer", jsA.peerId())) {
      JsonNode boot = icon.awaitEvent("dht:bootstrapped", TIMEOUT);
      assertThat(boot.path("routingTable").asInt()).isGreaterThanOrEqualTo(2);
      JsonNode put = icon.awaitEvent("dht:put", TIMEOUT);
      String key = "/icon/" + icon.peerId() + "/from-icon";
      assertThat(put.path("key").asText()).isEqualTo(key);
      assertThat(put.path("ok").asBoolean()).isTrue();
      assertThat(put.path("peers").asInt()).isGreaterThanOrEqualTo(2);
      assertThat(icon.awaitEvent("dht:provide", TIMEOUT).path("ok").asBoolean()).isTrue();
      JsonNode value = icon.awaitEvent("dht:value", TIMEOUT);
      assertThat(value.path("key").asText()).isEqualTo(fromJs);
      assertThat(value.path("value").asText()).isEqualTo("hello from js");
      JsonNode providers = icon.awaitEvent("dht:providers", TIMEOUT);
      assertThat(providers.path("key").asText()).isEqualTo("js-content");
      assertThat(peerIds(providers.path("providers"))).contains(jsB.peerId());
      JsonNode found = icon.awaitEvent("dht:found-peer", TIMEOUT);
      assertThat(found.path("peerId").asText()).isEqualTo(jsA.peerId());
      assertThat(found.path("addrs").toString())
          .contains(jsA.listenAddr().replace("/p2p/" + jsA.peerId(), ""));
      assertThat(found.path("hops").asInt()).isBetween(0, 1);
      assertThat(icon.events("error")).as(icon.diagnostics()).isEmpty();

      try (PeerProcess reader = PeerProcess.start("--bootstrap", jsA.listenAddr(), "--get", key,
          "--find-providers", "icon-content", "--find-peer", icon.peerId(), "--exit-when-done")) {
        assertThat(reader.awaitExit(TIMEOUT)).as(reader.diagnostics()).isZero();
        assertThat(reader.awaitEvent("dht:value", TIMEOUT).path("value").asText())
            .isEqualTo("hello from icon");
        assertThat(peerIds(reader.awaitEvent("dht:providers", TIMEOUT).path("providers")))
            .contains(icon.peerId());
        JsonNode iconFound = reader.awaitEvent("dht:found-peer", TIMEOUT);
        assertThat(iconFound.path("addrs").toString())
            .contains(icon.listenAddr().replace("/p2p/" + icon.peerId(), ""));
      }
      assertThat(icon.terminate(TIMEOUT)).isZero();
    }
  }

  @Test
  void actionsThatFindNothingPrintErrorsAndExitWithThree() {
    String missing = "/icon/" + jsB.peerId() + "/never-put";
    String nobody = "12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA";
    try (PeerProcess icon = PeerProcess.startIcon("--bootstrap", jsB.listenAddr(), "--get", missing,
        "--find-peer", nobody, "--find-providers", "nobody-provides-this", "--action-timeout", "30",
        "--exit-when-done")) {
      assertThat(icon.awaitExit(TIMEOUT)).as(icon.diagnostics()).isEqualTo(3);
      assertThat(icon.events("error")).extracting(e -> e.path("where").asText())
          .containsExactly("dht-get", "dht-find-peer");
      assertThat(icon.awaitEvent(named("dht:providers"), "providers", TIMEOUT)
          .path("providers").size()).as("no providers is an answer, not a failure").isZero();
    }
  }

  private static List<String> peerIds(JsonNode providers) {
    List<String> ids = new ArrayList<>();
    providers.forEach(p -> ids.add(p.path("peerId").asText()));
    return ids;
  }
}
