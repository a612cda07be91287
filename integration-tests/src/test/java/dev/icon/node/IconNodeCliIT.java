package dev.icon.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.icon.interop.PeerProcess;
import dev.icon.testing.BindServer;
import dev.icon.testing.RepositoryRoot;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./icon node --config FILE} as a process: starts from YAML, answers {@code ./icon status
 * --json}, stops on SIGTERM with exit 0 and leaves nothing listening.
 */
class IconNodeCliIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @TempDir Path dir;

  record Result(int code, String out, String err) {}

  private static Result icon(String... args) throws Exception {
    Path root = RepositoryRoot.find();
    List<String> argv = new ArrayList<>();
    argv.add(root.resolve("icon").toString());
    argv.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(argv).directory(root.toFile());
    pb.environment().put("ICON_SKIP_BUILD", "1");
    Process p = pb.start();
    p.getOutputStream().close();
    var err = new java.io.ByteArrayOutputStream();
    Thread errReader = new Thread(() -> {
      try {
        p.getErrorStream().transferTo(err);
      } catch (java.io.IOException e) {
        // the process ended
      }
    });
    errReader.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("./icon %s exits", List.of(args)).isTrue();
    errReader.join();
    return new Result(p.exitValue(), out, err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aNodeFromYamlAnswersStatusAndStopsCleanlyOnSigterm() throws Exception {
    int adminPort = BindServer.freePort(InetAddress.getLoopbackAddress());
    Path config = dir.resolve("node.yaml");
    Files.writeString(config, """
        roles: [provider, bootstrap]
        data_dir: %s
        provider: {capacity: {cpu_millis: 4000, memory_mib: 1024}}
        admin: {port: %d}
        """.formatted(dir.resolve("data"), adminPort));
    String node = "127.0.0.1:" + adminPort;
    int libp2pPort;
    String peerId;
    try (PeerProcess p = PeerProcess.startIconCommand(Map.of(),
        List.of("node", "--config", config.toString()))) {
      JsonNode up = p.awaitEvent("node-up", TIMEOUT);
      peerId = up.path("peerId").asText();
      assertThat(up.path("admin").asText()).isEqualTo(node);
      libp2pPort = Integer.parseInt(up.path("addrs").get(0).asText()
          .replaceAll(".*/tcp/(\\d+)/.*", "$1"));

      Result status = icon("status", "--node", node, "--json");
      assertThat(status.code()).as(status.err()).isZero();
      JsonNode json = new ObjectMapper().readTree(status.out());
      assertThat(json.path("peerId").asText()).isEqualTo(peerId);
      assertThat(json.path("roles").toString()).isEqualTo("[\"bootstrap\",\"provider\"]");
      assertThat(json.at("/services/negotiate/freeCpuMillis").asLong()).isEqualTo(4000);
      assertThat(json.at("/services/negotiate/state").asText()).isEqualTo("RUNNING");

      Result table = icon("status", "--node", node);
      assertThat(table.code()).isZero();
      assertThat(table.out()).contains(peerId).contains("bootstrap, provider");

      assertThat(p.terminate(Duration.ofSeconds(30))).as(p.diagnostics()).isZero();
      assertThat(p.events("shutdown")).hasSize(1);
      assertThat(p.events("error")).as(p.diagnostics()).isEmpty();
    }
    for (int port : new int[] {adminPort, libp2pPort}) {
      assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
          .as("port %d closed", port).isInstanceOf(ConnectException.class);
    }
    Result after = icon("status", "--node", node);
    assertThat(after.code()).isEqualTo(3);
    assertThat(after.err()).contains("no answer from node at " + node);
    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(dir.resolve("data/identity.key")))).isEqualTo("rw-------");
  }

  @Test
  void aBadConfigExits2NamingTheKey() throws Exception {
    Path config = dir.resolve("bad.yaml");
    Files.writeString(config, "provider:\n  capacity:\n    cpu_millis: 0\n");
    Result r = icon("node", "--config", config.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("provider.capacity.cpu_millis: must be > 0");
  }

  @Test
  void theDefaultConfigPrintedIsValid() throws Exception {
    Result r = icon("node", "--print-default-config");
    assertThat(r.code()).isZero();
    Path file = dir.resolve("ref.yaml");
    Files.writeString(file, r.out());
    Result check = icon("node", "--config", file.toString(), "--check-config");
    assertThat(check.code()).as(check.err()).isZero();
    assertThat(check.out()).contains("config-ok");
  }
}
