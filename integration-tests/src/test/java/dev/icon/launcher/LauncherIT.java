package dev.icon.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.testing.RepositoryRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the real {@code ./icon} launcher script as a process. The reactor has already packaged
 * icon-node, so the launcher is told not to rebuild (a nested Maven run inside this one would race
 * with it); the build-on-first-call path is exercised by .ci/run on a fresh clone.
 */
class LauncherIT {

  private static final Path ROOT = RepositoryRoot.find();

  private record Result(int exit, String out, String err) {}

  private static Result icon(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of(ROOT.resolve("icon").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile());
    pb.environment().put("ICON_SKIP_BUILD", "1");
    Process p = pb.start();
    p.getOutputStream().close();
    var out = p.getInputStream().readAllBytes();
    var err = p.getErrorStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("launcher finished").isTrue();
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8));
  }

  @Test
  void versionPrintsTheProjectVersion() throws Exception {
    Result r = icon("version");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out().strip()).isEqualTo("icon " + System.getProperty("icon.version"));
  }

  @Test
  void runsOnTheNewestJdkPresent() throws Exception {
    Result r = icon("version", "--verbose");

    int newest = NewestJdk.majorVersion();
    assertThat(r.out()).containsPattern("java " + newest + "[.+]");
  }

  @Test
  void helpListsSubcommands() throws Exception {
    Result r = icon("--help");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Usage: icon").contains("version");
  }

  @Test
  void badUsageExitsTwo() throws Exception {
    Result r = icon("--no-such-option");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--no-such-option");
  }
}
