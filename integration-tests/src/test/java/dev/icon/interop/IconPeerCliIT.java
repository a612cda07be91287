package dev.icon.interop;

import static dev.icon.interop.PeerProcess.named;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./icon peer} as a process: two Java peers, and the js peer dialing a Java one. */
class IconPeerCliIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final String ECHO = "/echo/1.0.0";

  @Test
  void twoIconPeersConnectPingEchoPerfAndBenchConnections() {
    try (PeerProcess server = PeerProcess.startIcon("--echo-protocol", ECHO, "--perf-server")) {
      String addr = server.listenAddr();
      assertThat(addr).startsWith("/ip4/127.0.0.1/tcp/").endsWith("/p2p/" + server.peerId());

      try (PeerProcess client = PeerProcess.startIcon("--ping", addr, "--ping-count", "2",
          "--echo-protocol", ECHO, "--echo-send", addr, "--echo-data", "hello icon",
          "--perf", addr, "--perf-upload", "8MiB", "--perf-download", "8MiB", "--perf-runs", "2",
          "--connect-bench", addr, "--connect-runs", "3", "--exit-when-done")) {
        assertThat(client.awaitExit(TIMEOUT)).as(client.diagnostics()).isZero();

        JsonNode connect = client.awaitEvent("peer:connect", TIMEOUT);
        assertThat(connect.path("encryption").asText()).isEqualTo("/noise");
        assertThat(connect.path("muxer").asText()).isEqualTo("/yamux/1.0.0");
        JsonNode identify = client.awaitEvent("identify", TIMEOUT);
        assertThat(identify.path("agentVersion").asText()).startsWith("icon/");
        assertThat(client.events("ping")).hasSize(2);
        JsonNode echo = client.awaitEvent(named("echo").and(e -> e.path("match").asBoolean()),
            "matching echo", TIMEOUT);
        assertThat(echo.path("data").asText()).isEqualTo("hello icon");
        assertThat(server.awaitEvent("echo", TIMEOUT).path("data").asText()).isEqualTo("hello icon");
        assertThat(client.events("perf")).hasSize(2).allSatisfy(run ->
            assertThat(run.path("upload_gbps").asDouble()).isPositive());
        JsonNode summary = client.awaitEvent("connect-summary", TIMEOUT);
        assertThat(summary.path("median_ms").asDouble()).isPositive();
        assertThat(client.events("connect")).hasSize(3);
      }
    }
  }

  @Test
  void jsDialsAnIconPeerProcess() {
    try (PeerProcess java = PeerProcess.startIcon("--echo-protocol", ECHO);
        PeerProcess js = PeerProcess.start("--ping", java.listenAddr(), "--echo-protocol", ECHO,
            "--echo-send", java.listenAddr(), "--echo-data", "from js", "--exit-when-done")) {
      assertThat(js.awaitExit(TIMEOUT)).as(js.diagnostics()).isZero();
      assertThat(js.awaitEvent("echo", TIMEOUT).path("match").asBoolean()).isTrue();
      JsonNode seen = java.awaitEvent(named("identify").and(e -> js.peerId().equals(
          e.path("peerId").asText())), "identify of the js peer", TIMEOUT);
      assertThat(seen.path("agentVersion").asText()).startsWith("js-libp2p/");
    }
  }

  @Test
  void keyFileIsCreatedPrivateAndKeepsThePeerId(@TempDir Path dir) {
    Path key = dir.resolve("keys/peer.key");
    String first;
    try (PeerProcess p = PeerProcess.startIcon("--key-file", key.toString())) {
      first = p.peerId();
    }
    try (PeerProcess p = PeerProcess.startIcon("--key-file", key.toString())) {
      assertThat(p.peerId()).isEqualTo(first);
    }
    assertThat(permissions(key)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
        PosixFilePermission.OWNER_WRITE);
  }

  @Test
  void exitCodesSayWhatHappened() {
    try (PeerProcess bad = PeerProcess.startIcon("--dial", "/ip4/127.0.0.1/tcp/notaport")) {
      assertThat(bad.awaitExit(TIMEOUT)).isEqualTo(2);
    }
    try (PeerProcess server = PeerProcess.startIcon()) {
      try (PeerProcess failing = PeerProcess.startIcon("--echo-protocol", "/not-served/1.0.0",
          "--echo-send", server.listenAddr(), "--echo-data", "x", "--exit-when-done")) {
        assertThat(failing.awaitExit(TIMEOUT)).isEqualTo(3);
        assertThat(failing.awaitEvent("error", TIMEOUT).path("where").asText()).isEqualTo("echo-send");
      }
      server.awaitEvent("listening", TIMEOUT);
      assertThat(server.terminate(TIMEOUT)).as("SIGTERM is a clean shutdown").isZero();
    }
  }

  private static java.util.Set<PosixFilePermission> permissions(Path p) {
    try {
      return Files.getPosixFilePermissions(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
