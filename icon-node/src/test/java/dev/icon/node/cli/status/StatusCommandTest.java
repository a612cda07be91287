package dev.icon.node.cli.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.icon.node.cli.IconMain;
import dev.icon.node.config.NodeConfigParser;
import dev.icon.node.daemon.IconNode;
import dev.icon.node.daemon.NodeEvents;
import dev.icon.testing.BindServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class StatusCommandTest {

  private static final String TOKEN = "status-token-0123456789";

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = IconMain.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void aNodeThatDoesNotAnswerIsExit3WithAMessage() throws Exception {
    int port = BindServer.freePort(InetAddress.getLoopbackAddress());
    assertThat(run("status", "--node", "127.0.0.1:" + port, "--timeout", "2000")).isEqualTo(3);
    assertThat(err.toString()).contains("no answer from node at 127.0.0.1:" + port);
  }

  @Test
  void badNodeSyntaxIsUsageError() {
    assertThat(run("status", "--node", "nonsense")).isEqualTo(2);
    assertThat(err.toString()).contains("--node must be HOST:PORT");
  }

  @Test
  void showsARunningNodeAsJsonAndAsATable() throws Exception {
    IconNode node = new IconNode(NodeConfigParser.parse("""
        roles: [provider, host]
        data_dir: %s
        admin: {port: 0, token: %s}
        """.formatted(dir, TOKEN)), NodeEvents.none());
    try {
      node.start();
      String addr = "127.0.0.1:" + node.adminAddress().orElseThrow().getPort();
      assertThat(run("status", "--node", addr)).isEqualTo(3);
      assertThat(err.toString()).contains("unauthorized");

      assertThat(run("status", "--node", addr, "--token", TOKEN, "--json")).isZero();
      var json = new ObjectMapper().readTree(out.toString());
      assertThat(json.path("peerId").asText())
          .isEqualTo(node.host().orElseThrow().peerId().toBase58());
      assertThat(json.fieldNames()).toIterable().containsExactly("peerId", "addrs", "roles",
          "peers", "dht", "gossip", "services");
      assertThat(json.path("services").fieldNames()).toIterable()
          .containsExactly("bootstrap", "topology", "probe", "negotiate", "yard", "providers");

      out.getBuffer().setLength(0);
      assertThat(run("status", "--node", addr, "--token", TOKEN)).isZero();
      assertThat(out.toString()).contains("peer id").contains(json.path("peerId").asText())
          .contains("host, provider").contains("agreements").contains("negotiate")
          .contains("RUNNING").contains("topic /icon/providers/1");
    } finally {
      node.stop();
    }
  }
}
