package dev.icon.interop;

import static dev.icon.interop.PeerProcess.named;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two js-libp2p peers interoperating through the {@link PeerProcess} fixture: proves the js side and
 * the fixture before the Java host is there to talk to.
 */
class JsPeerIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String ECHO = "/echo/1.0.0";
  private static final int MIB = 1024 * 1024;

  @Test
  void twoPeersConnectIdentifyPingEchoAndPerf() {
    try (PeerProcess server = PeerProcess.start("--echo-protocol", ECHO, "--perf-server")) {
      String addr = server.listenAddr();
      assertThat(addr).startsWith("/ip4/127.0.0.1/tcp/").endsWith("/p2p/" + server.peerId());

      try (PeerProcess client = PeerProcess.start("--dial", addr, "--ping", addr, "--ping-count", "3",
          "--echo-protocol", ECHO, "--echo-send", addr, "--echo-bytes", String.valueOf(MIB),
          "--perf", addr, "--perf-upload", "4MiB", "--perf-download", "4MiB", "--perf-runs", "2",
          "--exit-when-done")) {
        assertThat(client.awaitExit(TIMEOUT)).as(client.diagnostics()).isZero();

        JsonNode connect = client.awaitEvent(named("peer:connect").and(peer(server.peerId())), "peer:connect", TIMEOUT);
        assertThat(connect.path("muxer").asText()).isEqualTo("/yamux/1.0.0");
        assertThat(connect.path("encryption").asText()).isEqualTo("/noise");

        JsonNode identify = client.awaitEvent(named("identify").and(peer(server.peerId())), "identify", TIMEOUT);
        assertThat(texts(identify.path("protocols"))).contains(ECHO, "/perf/1.0.0", "/ipfs/ping/1.0.0", "/ipfs/id/1.0.0");
        assertThat(identify.path("agentVersion").asText()).startsWith("js-libp2p/");
        assertThat(texts(identify.path("listenAddrs"))).isNotEmpty();

        List<JsonNode> pings = client.events("ping");
        assertThat(pings).hasSize(3).allSatisfy(p -> assertThat(p.path("rtt_ms").asDouble()).isPositive());

        JsonNode echo = client.awaitEvent(named("echo").and(e -> "client".equals(e.path("role").asText())), "echo", TIMEOUT);
        assertThat(echo.path("match").asBoolean()).isTrue();
        assertThat(echo.path("received_bytes").asLong()).isEqualTo(MIB);
        JsonNode echoed = server.awaitEvent(named("echo").and(peer(client.peerId())), "server echo", TIMEOUT);
        assertThat(echoed.path("bytes").asLong()).isEqualTo(MIB);

        assertThat(client.events("perf")).hasSize(2).allSatisfy(run -> {
          assertThat(run.path("upload_bytes").asLong()).isEqualTo(4L * MIB);
          assertThat(run.path("download_bytes").asLong()).isEqualTo(4L * MIB);
        });
        JsonNode perf = client.awaitEvent("perf-summary", TIMEOUT);
        assertThat(perf.path("upload_gbps").asDouble()).isPositive();
        assertThat(perf.path("download_gbps").asDouble()).isPositive();
        assertThat(server.events("perf-served")).hasSize(2);
        assertThat(client.events("error")).isEmpty();
      }
    }
  }

  @Test
  void protocolRegisteredLaterReachesTheConnectedPeerByIdentifyPush() {
    try (PeerProcess server = PeerProcess.start()) {
      // 1 s leaves identify on connection open far behind; js debounces pushes by another second
      try (PeerProcess client = PeerProcess.start("--dial", server.listenAddr(), "--register-protocol-after", "1000", "/late/1.0.0")) {
        Predicate<JsonNode> fromClient = named("identify").and(peer(client.peerId()));
        JsonNode first = server.awaitEvent(fromClient, "identify", TIMEOUT);
        assertThat(texts(first.path("protocols"))).doesNotContain("/late/1.0.0");

        JsonNode pushed = server.awaitEvent(fromClient.and(e -> texts(e.path("protocols")).contains("/late/1.0.0")),
            "identify push with /late/1.0.0", TIMEOUT);
        // one connection, opened before the protocol existed: only a push can have carried it
        assertThat(server.events("peer:connect")).singleElement()
            .satisfies(c -> assertThat(c.path("connectionId").asText()).isEqualTo(pushed.path("connectionId").asText()));
        assertThat(pushed.path("connectionId").asText()).isEqualTo(first.path("connectionId").asText());
      }
    }
  }

  @Test
  void connectBenchOpensAFreshConnectionPerRunBeyondJsDefaultRateLimit() {
    int runs = 12; // js-libp2p's default would refuse the sixth inbound connection in a second
    try (PeerProcess server = PeerProcess.start()) {
      try (PeerProcess client = PeerProcess.start("--connect-bench", server.listenAddr(), "--connect-runs", String.valueOf(runs),
          "--exit-when-done")) {
        assertThat(client.awaitExit(TIMEOUT)).as(client.diagnostics()).isZero();

        assertThat(client.events("connect")).hasSize(runs)
            .allSatisfy(c -> assertThat(c.path("handshake_plus_one_rtt_ms").asDouble()).isPositive());
        JsonNode summary = client.awaitEvent("connect-summary", TIMEOUT);
        assertThat(summary.path("median_ms").asDouble()).isPositive();
        assertThat(summary.path("p90_ms").asDouble()).isGreaterThanOrEqualTo(summary.path("median_ms").asDouble());
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(server.events("peer:disconnect")).hasSize(runs));
      }
    }
  }

  @Test
  void keyFileGivesTheSamePeerIdOnEveryRun(@TempDir Path dir) {
    Path keyFile = dir.resolve("keys/peer.key");
    List<String> ids = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      try (PeerProcess peer = PeerProcess.start("--key-file", keyFile.toString(), "--exit-when-done")) {
        ids.add(peer.peerId());
        assertThat(peer.awaitExit(TIMEOUT)).isZero();
      }
    }
    assertThat(keyFile).isRegularFile();
    assertThat(ids.get(0)).startsWith("12D3KooW").isEqualTo(ids.get(1));
  }

  @Test
  void sigtermStopsThePeerCleanly() {
    try (PeerProcess peer = PeerProcess.start()) {
      peer.listenAddrs();
      assertThat(peer.terminate(PeerProcess.STOP_TIMEOUT)).as(peer.diagnostics()).isZero();
      assertThat(peer.events("shutdown")).as(peer.diagnostics()).singleElement()
          .satisfies(e -> assertThat(e.path("reason").asText()).isEqualTo("SIGTERM"));
    }
  }

  @Test
  void badOptionExitsWithUsageCode() {
    try (PeerProcess peer = PeerProcess.start("--no-such-option")) {
      assertThat(peer.awaitExit(TIMEOUT)).isEqualTo(2);
      assertThat(peer.awaitEvent("error", TIMEOUT).path("where").asText()).isEqualTo("usage");
      assertThat(peer.stderr()).contains("unknown option: --no-such-option");
    }
  }

  @Test
  void failedActionExitsWithCode3() {
    try (PeerProcess server = PeerProcess.start()) {
      try (PeerProcess client = PeerProcess.start("--echo-protocol", ECHO, "--echo-send", server.listenAddr(),
          "--echo-data", "nobody serves this", "--exit-when-done")) {
        assertThat(client.awaitExit(TIMEOUT)).isEqualTo(3);
        assertThat(client.awaitEvent("error", TIMEOUT).path("where").asText()).isEqualTo("echo-send");
      }
    }
  }

  @Test
  void jsUnitTestsPass() throws Exception {
    JsPeerInstallation js = JsPeerInstallation.locate();
    Process tests = new ProcessBuilder(js.node().toString(), "--test")
        .directory(js.directory().toFile()).redirectErrorStream(true).start();
    tests.getOutputStream().close();
    String output = new String(tests.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(tests.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(tests.exitValue()).as(output).isZero();
    assertThat(output).contains("# fail 0");
  }

  private static Predicate<JsonNode> peer(String peerId) {
    return e -> peerId.equals(e.path("peerId").asText());
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
