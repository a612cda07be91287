package dev.icon.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.icon.node.runtime.ContainerRuntime;
import dev.icon.node.runtime.ContainerRuntimeError;
import dev.icon.node.runtime.ContainerRuntimeException;
import dev.icon.node.runtime.HealthCheck;
import dev.icon.node.runtime.HealthResult;
import dev.icon.node.runtime.ImageRef;
import dev.icon.node.runtime.ResourceLimits;
import dev.icon.node.runtime.Workload;
import dev.icon.node.runtime.WorkloadSpec;
import dev.icon.node.runtime.WorkloadState;
import dev.icon.testing.CounterServiceImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link ContainerRuntime} must do, with the example counter service: run it healthy,
 * count, migrate cold to a second place (another runtime) keeping the count file, and fail
 * clearly leaving nothing behind. An implementation's test extends this with a few lines.
 */
abstract class ContainerRuntimeContract {

  @TempDir static Path images;
  private static Path imageTar;

  protected final String tag = Integer.toHexString(ThreadLocalRandom.current().nextInt() >>> 1);
  private final List<ContainerRuntime> opened = new ArrayList<>();

  /** A runtime at {@code place} ("a" or "b"): two places must not see each other's workloads. */
  protected abstract ContainerRuntime newRuntime(String place);

  /** What the runtime at {@code place} left behind outside itself (containers, directories). */
  protected abstract List<String> leftovers(String place);

  /** Called after every test, when every runtime is closed. */
  protected void removeImages(List<ImageRef> imported) {}

  private final List<ImageRef> imported = new ArrayList<>();

  protected ContainerRuntime runtime(String place) {
    ContainerRuntime r = newRuntime(place);
    opened.add(r);
    return r;
  }

  @AfterEach
  void closeAndCheckNothingLeft() {
    opened.forEach(ContainerRuntime::close);
    removeImages(imported);
    assertThat(leftovers("a")).as("left behind at a").isEmpty();
    assertThat(leftovers("b")).as("left behind at b").isEmpty();
  }

  @BeforeAll
  static void buildImage() throws Exception {
    imageTar = CounterServiceImage.build(images.resolve("counter.tar"));
  }

  protected ImageRef importCounter(ContainerRuntime runtime, String name) throws Exception {
    try (InputStream in = Files.newInputStream(imageTar)) {
      return remember(runtime.importImage(name, in));
    }
  }

  protected ImageRef remember(ImageRef image) {
    imported.add(image);
    return image;
  }

  protected static WorkloadSpec counter(ImageRef image) {
    return WorkloadSpec.builder("counter").image(image).command(CounterServiceImage.COMMAND)
        .servicePort(8080).limits(new ResourceLimits(250, 32, 0, 32))
        .healthCheck(HealthCheck.http(CounterServiceImage.HEALTH_PATH)).build();
  }

  protected static String addr(Workload w) {
    return w.endpoint().getHostString() + ":" + w.endpoint().getPort();
  }

  private static Consumer<ContainerRuntimeException> error(ContainerRuntimeError expected) {
    return e -> assertThat(e.error()).isEqualTo(expected);
  }

  @Test
  void coldMigrationToASecondPlaceKeepsTheCountFile() throws Exception {
    ContainerRuntime here = runtime("a");
    ImageRef image = importCounter(here, "icon-it/counter-" + tag + ":1");
    Workload w = here.start(counter(image));
    HealthResult health = here.awaitHealthy(w.id());
    assertThat(health.healthy()).as(health.detail() + "\n" + here.logs(w.id(), 20)).isTrue();
    for (int i = 1; i <= 3; i++) {
      assertThat(CounterServiceImage.count(addr(w), false)).isEqualTo(i);
    }
    assertThatThrownBy(() -> here.removeImage(image)).isInstanceOfSatisfying(ContainerRuntimeException.class, error(ContainerRuntimeError.IMAGE_IN_USE));

    here.stop(w.id());
    assertThat(here.status(w.id()).state()).isEqualTo(WorkloadState.EXITED);
    ByteArrayOutputStream state = new ByteArrayOutputStream();
    here.exportState(w.id(), state);
    ByteArrayOutputStream fs = new ByteArrayOutputStream();
    here.exportFilesystem(w.id(), fs);
    here.remove(w.id());
    assertThat(here.workloads()).isEmpty();
    assertThatThrownBy(() -> here.status(w.id())).isInstanceOfSatisfying(ContainerRuntimeException.class, error(ContainerRuntimeError.NOT_FOUND));

    ContainerRuntime there = runtime("b");
    ImageRef moved = remember(there.importImage("icon-it/counter-" + tag + "-moved:1",
        new ByteArrayInputStream(fs.toByteArray())));
    Workload w2 = there.restore(counter(moved), new ByteArrayInputStream(state.toByteArray()));
    assertThat(there.awaitHealthy(w2.id()).healthy()).isTrue();
    assertThat(CounterServiceImage.count(addr(w2), true)).isEqualTo(3);
    assertThat(CounterServiceImage.count(addr(w2), false)).isEqualTo(4);
  }

  @Test
  void imageThatFailsToImportIsAClearError() {
    ContainerRuntime here = runtime("a");
    byte[] garbage = new byte[5000];
    new Random(11).nextBytes(garbage);
    assertThatThrownBy(() -> here.importImage("icon-it/bad-" + tag + ":1", new ByteArrayInputStream(garbage)))
        .isInstanceOfSatisfying(ContainerRuntimeException.class, error(ContainerRuntimeError.IMAGE_IMPORT_FAILED));
  }

  @Test
  void workloadThatFailsToStartOrRestoreLeavesNothing() throws Exception {
    ContainerRuntime here = runtime("a");
    ImageRef image = importCounter(here, "icon-it/counter-" + tag + ":1");
    WorkloadSpec broken = counter(image).toBuilder().command("/bin/no-such-binary").build();
    startFailsOrExits(here, broken);
    byte[] garbage = new byte[3000];
    new Random(5).nextBytes(garbage);
    assertThatThrownBy(() -> here.restore(counter(image), new ByteArrayInputStream(garbage)))
        .isInstanceOfSatisfying(ContainerRuntimeException.class, error(ContainerRuntimeError.RESTORE_FAILED));
    assertThat(here.workloads()).isEmpty();
    assertThat(leftovers("a")).isEmpty();
    here.removeImage(image);
  }

  /**
   * A command that cannot run fails the start (the process runtime's exec), or, where an init
   * process runs it (Docker's {@code --init}), the engine's start succeeds and the workload then
   * exits with init's status: which one a test sees depends on how fast init gets there, so both
   * are accepted, and both must end with nothing left once the failed workload is removed.
   */
  private static void startFailsOrExits(ContainerRuntime runtime, WorkloadSpec broken) {
    Workload started;
    try {
      started = runtime.start(broken);
    } catch (ContainerRuntimeException e) {
      assertThat(e.error()).isEqualTo(ContainerRuntimeError.START_FAILED);
      return;
    }
    HealthResult health = runtime.awaitHealthy(started.id());
    assertThat(health.healthy()).isFalse();
    assertThat(health.detail()).startsWith("exited");
    runtime.remove(started.id());
  }
}
