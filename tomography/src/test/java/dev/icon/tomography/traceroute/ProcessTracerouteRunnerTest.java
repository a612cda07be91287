package dev.icon.tomography.traceroute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.icon.tomography.traceroute.CommandExecutor.CommandOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessTracerouteRunnerTest {

  @TempDir Path bin;
  private Map<String, String> env;

  @BeforeEach
  void fakeBinaryOnPath() throws IOException {
    Path tr = bin.resolve("traceroute");
    Files.writeString(tr, "#!/bin/sh\nexit 0\n");
    Files.setPosixFilePermissions(tr, PosixFilePermissions.fromString("rwxr-xr-x"));
    env = Map.of("PATH", bin.toString());
  }

  @Test
  void runsTheBinaryFoundOnThePathWithTheConfiguredOptions() throws Exception {
    FakeExecutor exec = new FakeExecutor(FakeExecutor::threeHops);
    TracerouteConfig config = TracerouteConfig.forTests().toBuilder()
        .commandPrefix(List.of("ip", "netns", "exec", "c1")).mode(TracerouteMode.ICMP).build();
    try (var runner = new ProcessTracerouteRunner(config, exec, env)) {
      TracerouteResult r = runner.trace("10.3.0.2").get(5, TimeUnit.SECONDS);

      assertThat(r.reachedTarget()).isTrue();
      assertThat(exec.started.get(0)).containsExactly("ip", "netns", "exec", "c1",
          bin.resolve("traceroute").toString(), "-n", "-I", "-m", "10", "-q", "2", "-w", "0.5",
          "-f", "1", "10.3.0.2");
    }
  }

  @Test
  void missingBinaryFailsWithAnErrorNamingThePath() {
    TracerouteConfig config = TracerouteConfig.forTests().toBuilder()
        .binary("/nonexistent/dir/traceroute").build();
    try (var runner = new ProcessTracerouteRunner(config, new FakeExecutor(FakeExecutor::threeHops),
        env)) {
      assertThatThrownBy(() -> runner.trace("10.3.0.2").get(5, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause().isInstanceOf(TracerouteException.class)
          .hasMessageContaining("BINARY_MISSING")
          .hasMessageContaining("/nonexistent/dir/traceroute");
    }
  }

  @Test
  void binaryMissingFromThePathNamesTheDirectoriesSearched() {
    TracerouteConfig config = TracerouteConfig.forTests().toBuilder().binary("no-such-tr").build();
    try (var runner = new ProcessTracerouteRunner(config, new FakeExecutor(FakeExecutor::threeHops),
        env)) {
      assertThatThrownBy(() -> runner.trace("10.3.0.2").get(5, TimeUnit.SECONDS))
          .cause().hasMessageContaining("'no-such-tr' not found in " + bin);
    }
  }

  @Test
  void neverRunsMoreThanTheParallelismAtOnce() throws Exception {
    FakeExecutor exec = new FakeExecutor(FakeExecutor::threeHops).hold();
    TracerouteConfig config = TracerouteConfig.forTests().toBuilder().parallelism(3).build();
    try (var runner = new ProcessTracerouteRunner(config, exec, env)) {
      List<CompletableFuture<TracerouteResult>> all = new ArrayList<>();
      for (int i = 1; i <= 10; i++) {
        all.add(runner.trace("10.9.0." + i));
      }
      await().atMost(Duration.ofSeconds(5)).until(() -> exec.running.get() == 3);
      assertThat(all).noneMatch(CompletableFuture::isDone);

      exec.releaseAll();
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

      assertThat(exec.maxRunning.get()).isEqualTo(3);
      assertThat(exec.started).hasSize(10);
    }
  }

  @Test
  void cancellingARunKillsItsProcess() throws Exception {
    FakeExecutor exec = new FakeExecutor(FakeExecutor::threeHops).hold();
    try (var runner = new ProcessTracerouteRunner(TracerouteConfig.forTests(), exec, env)) {
      CompletableFuture<TracerouteResult> f = runner.trace("10.3.0.2");
      await().atMost(Duration.ofSeconds(5)).until(() -> exec.running.get() == 1);

      f.cancel(true);

      await().atMost(Duration.ofSeconds(5)).until(() -> exec.kills.get() == 1);
      assertThat(exec.running.get()).isZero();
    }
  }

  @Test
  void cancellingAQueuedRunNeverStartsIt() throws Exception {
    FakeExecutor exec = new FakeExecutor(FakeExecutor::threeHops).hold();
    TracerouteConfig config = TracerouteConfig.forTests().toBuilder().parallelism(1).build();
    try (var runner = new ProcessTracerouteRunner(config, exec, env)) {
      CompletableFuture<TracerouteResult> first = runner.trace("10.3.0.1");
      CompletableFuture<TracerouteResult> queued = runner.trace("10.3.0.2");
      await().atMost(Duration.ofSeconds(5)).until(() -> exec.running.get() == 1);

      queued.cancel(true);
      exec.releaseAll();
      first.get(5, TimeUnit.SECONDS);

      assertThat(exec.started).extracting(a -> a.get(a.size() - 1)).containsExactly("10.3.0.1");
    }
  }

  @Test
  void aRunOverTheTimeoutIsKilledAndReported() {
    FakeExecutor exec = new FakeExecutor(FakeExecutor::threeHops).hold();
    TracerouteConfig config = TracerouteConfig.forTests().toBuilder()
        .runTimeout(Duration.ofMillis(100)).build();
    try (var runner = new ProcessTracerouteRunner(config, exec, env)) {
      assertThatThrownBy(() -> runner.trace("10.3.0.2").get(5, TimeUnit.SECONDS))
          .cause().hasMessageStartingWith("TIMEOUT");
      assertThat(exec.kills.get()).isEqualTo(1);
    }
  }

  @Test
  void aNonZeroExitReportsStatusAndStderr() {
    FakeExecutor exec = new FakeExecutor(argv -> new CommandOutput(255, "",
        "Cannot open network namespace \"gone\": No such file or directory\n"));
    try (var runner = new ProcessTracerouteRunner(TracerouteConfig.forTests(), exec, env)) {
      assertThatThrownBy(() -> runner.trace("10.3.0.2").get(5, TimeUnit.SECONDS))
          .cause().hasMessageStartingWith("PROCESS_FAILED")
          .hasMessageContaining("status 255")
          .hasMessageContaining("Cannot open network namespace");
    }
  }

  @Test
  void garbageOutputFailsTheRunNotTheRunner() throws Exception {
    FakeExecutor exec = new FakeExecutor(argv -> argv.contains("10.0.0.66")
        ? new CommandOutput(0, "\u0000\u0001 garbage", "") : FakeExecutor.threeHops(argv));
    try (var runner = new ProcessTracerouteRunner(TracerouteConfig.forTests(), exec, env)) {
      assertThatThrownBy(() -> runner.trace("10.0.0.66").get(5, TimeUnit.SECONDS))
          .cause().hasMessageStartingWith("UNPARSEABLE_OUTPUT");
      assertThat(runner.trace("10.3.0.2").get(5, TimeUnit.SECONDS).hops()).hasSize(3);
    }
  }

  @Test
  void optionLikeTargetsAreRejectedBeforeAnythingRuns() {
    FakeExecutor exec = new FakeExecutor(FakeExecutor::threeHops);
    try (var runner = new ProcessTracerouteRunner(TracerouteConfig.forTests(), exec, env)) {
      for (String bad : List.of("-I", "--help", "a b", "", "x;rm -rf /", "a".repeat(300))) {
        assertThatThrownBy(() -> runner.trace(bad).get(5, TimeUnit.SECONDS))
            .cause().hasMessageStartingWith("INVALID_TARGET");
      }
      assertThat(exec.started).isEmpty();
    }
  }

  @Test
  void closeCancelsRunsInProgressAndRefusesNewOnes() {
    FakeExecutor exec = new FakeExecutor(FakeExecutor::threeHops).hold();
    var runner = new ProcessTracerouteRunner(TracerouteConfig.forTests(), exec, env);
    CompletableFuture<TracerouteResult> f = runner.trace("10.3.0.2");
    await().atMost(Duration.ofSeconds(5)).until(() -> exec.running.get() == 1);

    runner.close();

    assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).cause().hasMessageStartingWith("CANCELLED");
    assertThat(exec.kills.get()).isEqualTo(1);
    assertThatThrownBy(() -> runner.trace("10.3.0.2").get(5, TimeUnit.SECONDS))
        .cause().hasMessageStartingWith("CANCELLED");
  }
}
