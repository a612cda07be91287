package dev.icon.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class IconCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = IconMain.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void versionPrintsTheFilteredProjectVersion() {
    assertThat(run("version")).isZero();
    assertThat(out.toString()).matches("icon \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R");
  }

  @Test
  void helpListsTheSubcommands() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("Usage: icon").contains("version");
  }

  @ParameterizedTest
  @ValueSource(strings = {"peer", "version", "topo", "dns", "node", "status"})
  void everySubcommandAnswersHelpWithItsUsage(String subcommand) {
    assertThat(run(subcommand, "--help")).isZero();
    assertThat(out.toString()).startsWith("Usage: icon " + subcommand);
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void unknownSubcommandIsBadUsage() {
    assertThat(run("no-such-command")).isEqualTo(2);
    assertThat(err.toString()).contains("no-such-command");
  }
}
