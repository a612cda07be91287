package dev.icon.node.cli.topo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.node.cli.IconMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class TopoDiscoverCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = IconMain.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void helpDescribesEveryOption() {
    assertThat(run("topo", "discover", "--help")).isZero();
    assertThat(out.toString()).contains("--dns=HOST:PORT", "--label=L", "--max-hops=N",
        "--parallel=N", "TARGET...", "_icon._tcp");
  }

  @Test
  void topoAloneListsItsSubcommands() {
    assertThat(run("topo")).isZero();
    assertThat(out.toString()).contains("discover");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "--dns 127.0.0.1:53                      | Missing required parameter: 'TARGET'",
      "10.0.0.1                                | Missing required option: '--dns=HOST:PORT'",
      "--dns dns.example:53 10.0.0.1           | 'dns.example' is not an IP address",
      "--dns 127.0.0.1:0 10.0.0.1              | port 0 is outside 1..65535",
      "--dns 127.0.0.1:53 --max-hops 0 10.0.0.1 | TracerouteConfig.maxHops",
      "--dns 127.0.0.1:53 --parallel 0 10.0.0.1 | TracerouteConfig.parallelism",
      "--dns 127.0.0.1:53 --label _x. 10.0.0.1 | must not end with a dot",
  })
  void badUsageExitsTwoNamingTheProblem(String args, String message) {
    String[] argv = ("topo discover " + args).trim().split("\\s+");

    assertThat(run(argv)).isEqualTo(2);
    assertThat(err.toString()).contains(message);
  }

  @Test
  void aMissingTracerouteStillPrintsTheDocumentAndExitsThree() {
    int code = run("topo", "discover", "--dns", "127.0.0.1:53", "--traceroute",
        "/nonexistent/traceroute", "10.0.0.1");

    assertThat(code).isEqualTo(3);
    assertThat(out.toString()).contains("\"target\" : \"10.0.0.1\"")
        .contains("BINARY_MISSING").contains("/nonexistent/traceroute");
  }
}
