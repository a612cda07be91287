package dev.icon.tomography.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.icon.testing.Prerequisites;
import dev.icon.tomography.traceroute.CommandExecutor.CommandOutput;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PingProberTest {

  @TempDir
  Path dir;

  /** A fake ping binary in {@code dir}, so the locator finds one; the executor never runs it. */
  private Map<String, String> pathWithPing() throws Exception {
    Path ping = dir.resolve("ping");
    Files.writeString(ping, "#!/bin/sh\nexit 3\n");
    Files.setPosixFilePermissions(ping, PosixFilePermissions.fromString("rwxr-xr-x"));
    return Map.of("PATH", dir.toString());
  }

  private static Throwable failure(java.util.concurrent.CompletableFuture<?> f) {
    assertThatThrownBy(f::join).isInstanceOf(CompletionException.class);
    return f.handle((v, e) -> e.getCause() != null ? e.getCause() : e).join();
  }

  @Test
  void runsPingWithTheConfiguredOptionsBehindThePrefix() throws Exception {
    String out = PingParserTest.resource("recorded-ok-v6.txt");
    ScriptedExecutor exec = new ScriptedExecutor(argv -> new CommandOutput(0, out, ""));
    PingConfig config = PingConfig.builder().commandPrefix(List.of("ip", "netns", "exec", "ns1"))
        .interval(Duration.ofMillis(250)).replyWait(Duration.ofMillis(1500)).build();
    try (PingProber prober = new PingProber(config, exec, pathWithPing())) {
      ProbeMeasurement m = prober.probe(InetAddress.getByName("fd00:7::2"), 3).join();

      assertThat(m.received()).isEqualTo(3);
      assertThat(exec.started).containsExactly(List.of("ip", "netns", "exec", "ns1",
          dir.resolve("ping").toString(), "-n", "-6", "-c", "3", "-i", "0.250", "-W", "1.500",
          "fd00:7:0:0:0:0:0:2"));
    }
  }

  @Test
  void noReplyIsAMeasurementNotAFailure() throws Exception {
    String out = PingParserTest.resource("recorded-silent-loss.txt");
    ScriptedExecutor exec = new ScriptedExecutor(argv -> new CommandOutput(1, out, ""));
    try (PingProber prober = new PingProber(PingConfig.forTests(), exec, pathWithPing())) {
      ProbeMeasurement m = prober.probe(InetAddress.getByName("10.250.7.77"), 3).join();

      assertThat(m.sent()).isEqualTo(3);
      assertThat(m.stats()).isEmpty();
    }
  }

  @Test
  void pingsOwnErrorIsReportedWithItsMessage() throws Exception {
    String err = PingParserTest.resource("recorded-no-route.stderr.txt");
    ScriptedExecutor exec = new ScriptedExecutor(argv -> new CommandOutput(2, "", err));
    try (PingProber prober = new PingProber(PingConfig.forTests(), exec, pathWithPing())) {
      Throwable t = failure(prober.probe(InetAddress.getByName("10.99.0.5"), 2));

      assertThat(t).isInstanceOfSatisfying(ProbeException.class,
          e -> assertThat(e.error()).isEqualTo(ProbeError.PROCESS_FAILED))
          .hasMessageContaining("exited with status 2")
          .hasMessageContaining("Network is unreachable");
    }
  }

  @Test
  void garbageOutputIsUnparseable() throws Exception {
    ScriptedExecutor exec = new ScriptedExecutor(argv -> new CommandOutput(0, "hello\n", ""));
    try (PingProber prober = new PingProber(PingConfig.forTests(), exec, pathWithPing())) {
      assertThat(failure(prober.probe(InetAddress.getByName("192.0.2.1"), 1)))
          .isInstanceOfSatisfying(ProbeException.class,
              e -> assertThat(e.error()).isEqualTo(ProbeError.UNPARSEABLE_OUTPUT));
    }
  }

  @Test
  void aMissingBinaryIsAClearError() throws Exception {
    ScriptedExecutor exec = new ScriptedExecutor(argv -> new CommandOutput(0, "", ""));
    try (PingProber prober = new PingProber(PingConfig.forTests(), exec,
        Map.of("PATH", dir.toString()))) {
      assertThat(failure(prober.probe(InetAddress.getByName("192.0.2.1"), 1)))
          .isInstanceOfSatisfying(ProbeException.class,
              e -> assertThat(e.error()).isEqualTo(ProbeError.BINARY_MISSING))
          .hasMessageContaining("'ping' not found in " + dir)
          .hasMessageContaining("iputils-ping");
    }
    assertThat(exec.started).isEmpty();
  }

  @Test
  void aRunLongerThanItsTimeoutIsKilled() throws Exception {
    ScriptedExecutor exec = new ScriptedExecutor(argv -> null);
    PingConfig config = PingConfig.builder().interval(Duration.ofMillis(10))
        .replyWait(Duration.ofMillis(10)).runSlack(Duration.ZERO).build();
    try (PingProber prober = new PingProber(config, exec, pathWithPing())) {
      assertThat(failure(prober.probe(InetAddress.getByName("192.0.2.1"), 2)))
          .isInstanceOfSatisfying(ProbeException.class,
              e -> assertThat(e.error()).isEqualTo(ProbeError.TIMEOUT));
      assertThat(exec.kills).hasValue(1);
    }
  }

  @Test
  void aCountBeyondTheLimitIsRefusedWithoutRunning() throws Exception {
    ScriptedExecutor exec = new ScriptedExecutor(argv -> null);
    try (PingProber prober = new PingProber(PingConfig.forTests(), exec, pathWithPing())) {
      assertThat(failure(prober.probe(InetAddress.getByName("192.0.2.1"), 21)))
          .hasMessageContaining("count must be 1..20");
    }
    assertThat(exec.started).isEmpty();
  }

  @Test
  void closingCancelsProbesInProgress() throws Exception {
    ScriptedExecutor exec = new ScriptedExecutor(argv -> null);
    PingProber prober = new PingProber(PingConfig.defaults(), exec, pathWithPing());
    var f = prober.probe(InetAddress.getByName("192.0.2.1"), 20);
    org.awaitility.Awaitility.await().until(() -> !exec.started.isEmpty());

    prober.close();

    assertThat(failure(f)).isInstanceOfSatisfying(ProbeException.class,
        e -> assertThat(e.error()).isEqualTo(ProbeError.CANCELLED));
    assertThat(exec.kills).hasValue(1);
    assertThat(failure(prober.probe(InetAddress.getByName("192.0.2.1"), 1)))
        .hasMessageContaining("closed");
  }

  @Test
  void measuresLoopbackWithTheRealPing() throws Exception {
    Prerequisites.requireBinary("ping");
    try (PingProber prober = new PingProber(PingConfig.forTests())) {
      ProbeMeasurement m = prober.probe(InetAddress.getByName("127.0.0.1"), 3).join();

      assertThat(m.sent()).isEqualTo(3);
      assertThat(m.received()).isEqualTo(3);
      assertThat(m.stats().get().meanMillis()).isBetween(0.0, 50.0);
    }
  }
}
