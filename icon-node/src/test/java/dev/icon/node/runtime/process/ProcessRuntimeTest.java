package dev.icon.node.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.icon.node.runtime.ContainerRuntimeError;
import dev.icon.node.runtime.ContainerRuntimeException;
import dev.icon.node.runtime.HealthCheck;
import dev.icon.node.runtime.HealthResult;
import dev.icon.node.runtime.ImageRef;
import dev.icon.node.runtime.RuntimeConfig;
import dev.icon.node.runtime.Workload;
import dev.icon.node.runtime.WorkloadSpec;
import dev.icon.node.runtime.WorkloadState;
import dev.icon.testing.CounterServiceImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process runtime with the real example counter service (busybox httpd + CGI). */
class ProcessRuntimeTest {

  @TempDir Path tmp;
  private ProcessRuntime here;
  private ProcessRuntime there;

  @BeforeEach
  void setUp() {
    here = new ProcessRuntime(RuntimeConfig.builder().processRoot(tmp.resolve("here"))
        .stopTimeout(Duration.ofSeconds(2)).logLines(50).build());
    there = new ProcessRuntime(RuntimeConfig.builder().processRoot(tmp.resolve("there")).build());
  }

  @AfterEach
  void tearDown() {
    here.close();
    there.close();
  }

  private WorkloadSpec counter(ImageRef image) {
    return WorkloadSpec.builder("counter").image(image).command(CounterServiceImage.COMMAND)
        .healthCheck(HealthCheck.http(CounterServiceImage.HEALTH_PATH)).build();
  }

  private ImageRef importCounter(ProcessRuntime runtime) throws Exception {
    Path tar = CounterServiceImage.build(tmp.resolve("counter.tar"));
    try (InputStream in = Files.newInputStream(tar)) {
      return runtime.importImage("counter", in);
    }
  }

  @Test
  void countPersistsAcrossStopExportAndRestoreIntoANewWorkload() throws Exception {
    ImageRef image = importCounter(here);
    Workload w = here.start(counter(image));
    HealthResult health = here.awaitHealthy(w.id());
    assertThat(health.healthy()).as(health.detail() + "\n" + here.logs(w.id(), 20)).isTrue();
    String addr = w.endpoint().getHostString() + ":" + w.endpoint().getPort();
    assertThat(CounterServiceImage.count(addr, false)).isEqualTo(1);
    assertThat(CounterServiceImage.count(addr, false)).isEqualTo(2);
    assertThat(CounterServiceImage.count(addr, false)).isEqualTo(3);
    assertThat(Files.readString(here.root().resolve("state").resolve(w.id()).resolve("count")).strip()).isEqualTo("3");
    // Concurrent requests take turns: every answer is distinct and none is lost.
    var answers = java.util.stream.IntStream.range(0, 10).mapToObj(i -> java.util.concurrent.CompletableFuture
        .supplyAsync(() -> {
          try {
            return CounterServiceImage.count(addr, false);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        })).toList().stream().map(java.util.concurrent.CompletableFuture::join).toList();
    assertThat(answers).containsExactlyInAnyOrder(4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L);

    here.stop(w.id());
    assertThat(here.status(w.id()).state()).isEqualTo(WorkloadState.EXITED);
    ByteArrayOutputStream state = new ByteArrayOutputStream();
    here.exportState(w.id(), state);
    ByteArrayOutputStream fs = new ByteArrayOutputStream();
    here.exportFilesystem(w.id(), fs);
    here.remove(w.id());
    assertThat(here.workloads()).isEmpty();

    ImageRef moved = there.importImage("counter", new ByteArrayInputStream(fs.toByteArray()));
    Workload w2 = there.restore(counter(moved), new ByteArrayInputStream(state.toByteArray()));
    assertThat(there.awaitHealthy(w2.id()).healthy()).isTrue();
    String addr2 = w2.endpoint().getHostString() + ":" + w2.endpoint().getPort();
    assertThat(CounterServiceImage.count(addr2, true)).isEqualTo(13);
    assertThat(CounterServiceImage.count(addr2, false)).isEqualTo(14);
  }

  @Test
  void badStateArchiveIsARestoreFailureAndImagesInUseAreKept() throws Exception {
    ImageRef image = importCounter(here);
    assertThatThrownBy(() -> here.restore(counter(image), new ByteArrayInputStream("not a tar".repeat(100).getBytes())))
        .isInstanceOfSatisfying(ContainerRuntimeException.class,
            e -> assertThat(e.error()).isEqualTo(ContainerRuntimeError.RESTORE_FAILED));
    assertThat(here.workloads()).isEmpty();
    try (var files = Files.list(here.root().resolve("state"))) {
      assertThat(files).isEmpty();
    }
    Workload w = here.start(counter(image));
    assertThatThrownBy(() -> here.removeImage(image))
        .isInstanceOfSatisfying(ContainerRuntimeException.class,
            e -> assertThat(e.error()).isEqualTo(ContainerRuntimeError.IMAGE_IN_USE));
    here.remove(w.id());
    here.removeImage(image);
    try (var files = Files.list(here.root().resolve("images"))) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void badImageTarIsRejectedAndLeavesNothing() throws Exception {
    byte[] garbage = new byte[5000];
    new java.util.Random(7).nextBytes(garbage);
    assertThatThrownBy(() -> here.importImage("bad", new ByteArrayInputStream(garbage)))
        .isInstanceOfSatisfying(ContainerRuntimeException.class,
            e -> assertThat(e.error()).isEqualTo(ContainerRuntimeError.IMAGE_IMPORT_FAILED));
    try (var files = Files.list(here.root().resolve("images"))) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void commandThatCannotStartFailsAndLeavesNoStateDirectory() throws Exception {
    WorkloadSpec spec = WorkloadSpec.builder("broken").command("/nonexistent/icon-binary").build();
    assertThatThrownBy(() -> here.start(spec))
        .isInstanceOfSatisfying(ContainerRuntimeException.class,
            e -> assertThat(e.error()).isEqualTo(ContainerRuntimeError.START_FAILED));
    assertThat(here.workloads()).isEmpty();
    try (var files = Files.list(here.root().resolve("state"))) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void serviceThatExitsIsUnhealthyWithItsExitCodeAndLogs() {
    Workload w = here.start(WorkloadSpec.builder("dies").command("/bin/sh", "-c", "echo starting; exit 3")
        .healthCheck(HealthCheck.tcp()).build());
    HealthResult result = here.awaitHealthy(w.id());
    assertThat(result.healthy()).isFalse();
    assertThat(result.detail()).isEqualTo("exited (3)");
    await().atMost(Duration.ofSeconds(5)).until(() -> here.logs(w.id(), 10).contains("starting"));
  }

  @Test
  void stopKillsAProcessThatIgnoresSigterm() {
    ProcessRuntime quick = new ProcessRuntime(RuntimeConfig.builder().processRoot(tmp.resolve("quick"))
        .stopTimeout(Duration.ofMillis(300)).build());
    try (quick) {
      Workload w = quick.start(WorkloadSpec.builder("stubborn")
          .command("/bin/sh", "-c", "trap '' TERM; echo ready; while :; do sleep 1; done").build());
      await().atMost(Duration.ofSeconds(5)).until(() -> quick.logs(w.id(), 5).contains("ready"));
      quick.stop(w.id());
      assertThat(quick.status(w.id()).state()).isEqualTo(WorkloadState.EXITED);
      assertThat(quick.status(w.id()).exitCode()).isEqualTo(137);
    }
  }

  @Test
  void memoryAndDiskLimitsAreTheKernelsRlimits() {
    dev.icon.testing.Prerequisites.requireBinary("prlimit");
    Workload w = here.start(WorkloadSpec.builder("limited").command("/bin/cat", "/proc/self/limits")
        .limits(new dev.icon.node.runtime.ResourceLimits(100, 16, 2, 8)).build());
    await().atMost(Duration.ofSeconds(5)).until(() -> here.status(w.id()).state() == WorkloadState.EXITED
        && here.logs(w.id(), 50).contains("Max address space"));
    String limits = here.logs(w.id(), 50);
    assertThat(limits).containsPattern("Max address space\\s+16777216\\s+16777216");
    assertThat(limits).containsPattern("Max file size\\s+2097152\\s+2097152");
  }

  @Test
  void logsKeepOnlyTheConfiguredNumberOfLines() {
    Workload w = here.start(WorkloadSpec.builder("chatty")
        .command("/bin/sh", "-c", "i=0; while [ $i -lt 500 ]; do echo line$i; i=$((i+1)); done").build());
    await().atMost(Duration.ofSeconds(10)).until(() -> here.logs(w.id(), 1000).contains("line499"));
    String logs = here.logs(w.id(), 1000);
    assertThat(logs.lines()).hasSize(50).startsWith("line450").endsWith("line499");
    assertThat(here.logs(w.id(), 3).lines()).containsExactly("line497", "line498", "line499");
  }

  @Test
  void unknownWorkloadAndClosedRuntimeAreNamedErrors() {
    assertThatThrownBy(() -> here.status("nope"))
        .isInstanceOfSatisfying(ContainerRuntimeException.class,
            e -> assertThat(e.error()).isEqualTo(ContainerRuntimeError.NOT_FOUND));
    here.close();
    assertThatThrownBy(() -> here.start(WorkloadSpec.builder("late").command("true").build()))
        .isInstanceOfSatisfying(ContainerRuntimeException.class,
            e -> assertThat(e.error()).isEqualTo(ContainerRuntimeError.CLOSED));
  }
}
