package dev.icon.interop;

import static dev.icon.interop.JavaHostFixture.ECHO;
import static dev.icon.interop.PeerProcess.named;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.icon.overlay.api.Connection;
import dev.icon.overlay.api.PerfResult;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.overlay.multiaddr.Multiaddr;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The Java host against real js-libp2p 3.x peers (Noise, Yamux, identify, ping, perf), over TCP on
 * 127.0.0.1, both directions.
 */
class JavaJsInteropIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final int MIB = 1024 * 1024;
  private static final SecureRandom RANDOM = new SecureRandom();

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }

  private static Predicate<JsonNode> peer(String peerId) {
    return e -> peerId.equals(e.path("peerId").asText());
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  @Test
  void javaDialsJsNegotiatesNoiseYamuxIdentifiesBothWaysAndPings() throws Exception {
    try (PeerProcess js = PeerProcess.start("--echo-protocol", ECHO, "--perf-server");
        JavaHostFixture java = new JavaHostFixture()) {
      Connection c = java.host.dial(Multiaddr.parse(js.listenAddr())).get();

      assertThat(c.securityProtocol()).isEqualTo("/noise");
      assertThat(c.muxerProtocol()).isEqualTo("/yamux/1.0.0");
      PeerId jsId = PeerId.parse(js.peerId());
      assertThat(c.remotePeer()).isEqualTo(jsId);
      await().atMost(TIMEOUT).until(() -> java.identified.containsKey(jsId));
      assertThat(java.identified.get(jsId).protocols())
          .contains(ECHO, "/ipfs/ping/1.0.0", "/ipfs/id/1.0.0", "/perf/1.0.0");
      assertThat(java.identified.get(jsId).agentVersion()).startsWith("js-libp2p/");

      String javaId = java.host.peerId().toBase58();
      JsonNode jsConnect = js.awaitEvent(named("peer:connect").and(peer(javaId)), "connect", TIMEOUT);
      assertThat(jsConnect.path("encryption").asText()).isEqualTo("/noise");
      assertThat(jsConnect.path("muxer").asText()).isEqualTo("/yamux/1.0.0");
      JsonNode jsIdentify = js.awaitEvent(named("identify").and(peer(javaId)), "identify", TIMEOUT);
      assertThat(texts(jsIdentify.path("protocols"))).contains(ECHO, "/ipfs/ping/1.0.0", "/ipfs/id/1.0.0");
      assertThat(jsIdentify.path("agentVersion").asText()).startsWith("icon/");

      for (int i = 0; i < 3; i++) {
        assertThat(java.host.ping(jsId).get()).isPositive();
      }
    }
  }

  @Test
  void jsDialsJavaPingsAndEchoesOneMebibyte() throws Exception {
    try (JavaHostFixture java = new JavaHostFixture();
        PeerProcess js = PeerProcess.start("--ping", java.addr(), "--ping-count", "3",
            "--echo-protocol", ECHO, "--echo-send", java.addr(), "--echo-bytes", String.valueOf(MIB),
            "--exit-when-done")) {
      assertThat(js.awaitExit(TIMEOUT)).as(js.diagnostics()).isZero();

      String javaId = java.host.peerId().toBase58();
      JsonNode connect = js.awaitEvent(named("peer:connect").and(peer(javaId)), "connect", TIMEOUT);
      assertThat(connect.path("encryption").asText()).isEqualTo("/noise");
      assertThat(connect.path("muxer").asText()).isEqualTo("/yamux/1.0.0");
      assertThat(js.events("ping")).hasSize(3)
          .allSatisfy(p -> assertThat(p.path("rtt_ms").asDouble()).isPositive());
      JsonNode echo = js.awaitEvent(named("echo").and(e -> "client".equals(e.path("role").asText())),
          "echo", TIMEOUT);
      assertThat(echo.path("match").asBoolean()).isTrue();
      assertThat(echo.path("received_bytes").asLong()).isEqualTo(MIB);
      JsonNode identify = js.awaitEvent(named("identify").and(peer(javaId)), "identify", TIMEOUT);
      assertThat(texts(identify.path("protocols"))).contains(ECHO);
      PeerId jsId = PeerId.parse(js.peerId());
      await().atMost(TIMEOUT).until(() -> java.identified.containsKey(jsId));
    }
  }

  @Test
  void javaEchoesOneMebibyteThroughJsByteIdentical() throws Exception {
    try (PeerProcess js = PeerProcess.start("--echo-protocol", ECHO);
        JavaHostFixture java = new JavaHostFixture()) {
      PeerId jsId = java.host.dial(Multiaddr.parse(js.listenAddr())).get().remotePeer();
      byte[] payload = randomBytes(MIB);

      assertThat(java.echoVia(jsId, payload).get()).isEqualTo(payload);
    }
  }

  @Test
  void hundredConcurrentStreamsOnOneConnection() throws Exception {
    try (PeerProcess js = PeerProcess.start("--echo-protocol", ECHO);
        JavaHostFixture java = new JavaHostFixture()) {
      PeerId jsId = java.host.dial(Multiaddr.parse(js.listenAddr())).get().remotePeer();
      List<byte[]> payloads = new ArrayList<>();
      List<CompletableFuture<byte[]>> echoes = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        payloads.add(randomBytes(16 * 1024 + i));
        echoes.add(java.echoVia(jsId, payloads.get(i)));
      }

      CompletableFuture.allOf(echoes.toArray(CompletableFuture[]::new)).get();
      for (int i = 0; i < 100; i++) {
        assertThat(echoes.get(i).get()).as("stream %d", i).isEqualTo(payloads.get(i));
      }
      assertThat(java.host.connections(jsId)).hasSize(1);
    }
  }

  @Test
  void jsOpensHundredConcurrentStreamsToJavaOnOneConnection() throws Exception {
    try (JavaHostFixture java = new JavaHostFixture();
        PeerProcess js = PeerProcess.start("--echo-protocol", ECHO, "--echo-send", java.addr(),
            "--echo-bytes", "16KiB", "--echo-streams", "100", "--exit-when-done")) {
      assertThat(js.awaitExit(TIMEOUT)).as(js.diagnostics()).isZero();

      List<JsonNode> echoes = js.events(named("echo").and(e -> "client".equals(e.path("role").asText())));
      assertThat(echoes).hasSize(100).allSatisfy(e -> {
        assertThat(e.path("match").asBoolean()).isTrue();
        assertThat(e.path("received_bytes").asLong()).isEqualTo(16 * 1024);
      });
      assertThat(js.events("peer:connect")).hasSize(1);
    }
  }

  @Test
  void twoHundredFiftySixMebibytesEachWayOnOneStreamWithBoundedBuffers() throws Exception {
    long size = 256L * MIB;
    try (PeerProcess js = PeerProcess.start("--perf-server");
        JavaHostFixture java = new JavaHostFixture()) {
      PeerId jsId = java.host.dial(Multiaddr.parse(js.listenAddr())).get().remotePeer();
      PerfResult result;
      long peak;
      try (var sampler = new JavaHostFixture.BufferedBytesSampler()) {
        result = java.host.perf(jsId, size, size).get();
        sampler.close();
        peak = sampler.max();
      }

      assertThat(result.uploadBytes()).isEqualTo(size);
      assertThat(result.downloadBytes()).isEqualTo(size);
      JsonNode served = js.awaitEvent("perf-served", TIMEOUT);
      assertThat(served.path("upload_bytes").asLong()).isEqualTo(size);
      // Windows (256 KiB initial, auto-tuned to at most 16 MiB) bound what is in flight.
      assertThat(peak).as("peak bytes held by Netty's allocator").isLessThan(64L * MIB);
    }
  }

  @Test
  void jsPerfAgainstJavaTwoHundredFiftySixMebibytesEachWay() throws Exception {
    try (JavaHostFixture java = new JavaHostFixture();
        var sampler = new JavaHostFixture.BufferedBytesSampler();
        PeerProcess js = PeerProcess.start("--perf", java.addr(), "--perf-upload", "256MiB",
            "--perf-download", "256MiB", "--exit-when-done")) {
      assertThat(js.awaitExit(TIMEOUT)).as(js.diagnostics()).isZero();

      JsonNode run = js.awaitEvent("perf", TIMEOUT);
      assertThat(run.path("upload_bytes").asLong()).isEqualTo(256L * MIB);
      assertThat(run.path("download_bytes").asLong()).isEqualTo(256L * MIB);
      assertThat(sampler.max()).as("peak bytes held by Netty's allocator").isLessThan(64L * MIB);
    }
  }

  @Test
  void identifyPushCarriesProtocolsRegisteredLaterBothWays() throws Exception {
    try (PeerProcess js = PeerProcess.start("--register-protocol-after", "1000", "/js-late/1.0.0");
        JavaHostFixture java = new JavaHostFixture()) {
      PeerId jsId = java.host.dial(Multiaddr.parse(js.listenAddr())).get().remotePeer();
      String javaId = java.host.peerId().toBase58();
      js.awaitEvent(named("identify").and(peer(javaId)), "first identify", TIMEOUT);

      java.host.addProtocol("/java-late/1.0.0", JavaHostFixture::echo);

      js.awaitEvent(named("identify").and(peer(javaId))
          .and(e -> texts(e.path("protocols")).contains("/java-late/1.0.0")), "identify push", TIMEOUT);
      await().atMost(TIMEOUT).until(() -> java.identified.containsKey(jsId)
          && java.identified.get(jsId).protocols().contains("/js-late/1.0.0"));
      assertThat(java.host.connections(jsId)).hasSize(1);
    }
  }

  @Test
  void dialingJsWithAnotherPeersIdFails() throws Exception {
    try (PeerProcess js = PeerProcess.start();
        JavaHostFixture java = new JavaHostFixture()) {
      PeerId impostor = PrivateKey.generateEd25519().publicKey().peerId();
      Multiaddr wrong = Multiaddr.parse(js.listenAddr()).withoutPeerId().withPeerId(impostor);

      assertThatThrownBy(() -> java.host.dial(wrong).get())
          .hasStackTraceContaining("PEER_ID_MISMATCH");
      assertThat(java.host.connections()).isEmpty();
    }
  }
}
