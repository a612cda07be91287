package dev.icon.node.cli.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.node.cli.IconMain;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class DnsCommandTest {

  private static final String PEER =
      PeerId.fromPublicKey(PrivateKey.generateEd25519().publicKey()).toString();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(List<String> args) {
    CommandLine cli = IconMain.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args.toArray(String[]::new));
  }

  /** A register command line; {@code overrides} are option/value pairs replacing the defaults. */
  private static List<String> register(String server, String... overrides) {
    java.util.Map<String, String> opts = new java.util.LinkedHashMap<>();
    opts.put("--server", server);
    opts.put("--zone", "isp-a.example");
    opts.put("--tsig", "k:hmac-sha256:c2VjcmV0c2VjcmV0");
    opts.put("--name", "fra.isp-a.example");
    opts.put("--peer", PEER);
    opts.put("--addr", "/ip4/192.0.2.1/tcp/4001");
    opts.put("--port", "4001");
    for (int i = 0; i + 1 < overrides.length; i += 2) {
      opts.put(overrides[i], overrides[i + 1]);
    }
    List<String> a = new ArrayList<>(List.of("dns", "register"));
    opts.forEach((k, v) -> {
      a.add(k);
      a.add(v);
    });
    return a;
  }

  @Test
  void helpListsRegisterAndUnregister() {
    assertThat(run(List.of("dns", "--help"))).isZero();
    assertThat(out.toString()).contains("register", "unregister");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "--tsig   | nonsense                 | NAME:ALG:SECRET",
      "--peer   | not-a-peer               | not-a-peer",
      "--addr   | /ip4/999.0.0.1/tcp/1     | 999.0.0.1",
      "--name   | fra.isp-b.example        | is not inside zone",
      "--port   | 0                        | port must be 1..65535",
      "--server | example.org:53           | is not an IP address",
      "--target-address | not-an-ip        | not-an-ip",
  })
  void badUsageExitsTwoNamingTheProblem(String option, String value, String message) {
    assertThat(run(register("127.0.0.1:53", option, value))).isEqualTo(2);
    assertThat(err.toString()).contains(message);
  }

  @Test
  void aServerThatDoesNotAnswerExitsOneWithTheReason() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    assertThat(run(register("127.0.0.1:" + closedPort, "--timeout", "2000"))).isEqualTo(1);
    assertThat(err.toString()).startsWith("icon dns register: register _icon._tcp.fra.isp-a.example.");
  }
}
