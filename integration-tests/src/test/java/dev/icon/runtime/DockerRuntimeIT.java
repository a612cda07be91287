package dev.icon.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.icon.node.runtime.ContainerRuntimeError;
import dev.icon.node.runtime.ContainerRuntimeException;
import dev.icon.node.runtime.HealthCheck;
import dev.icon.node.runtime.HealthResult;
import dev.icon.node.runtime.ImageRef;
import dev.icon.node.runtime.ResourceLimits;
import dev.icon.node.runtime.RuntimeConfig;
import dev.icon.node.runtime.Workload;
import dev.icon.node.runtime.WorkloadSpec;
import dev.icon.node.runtime.WorkloadState;
import dev.icon.node.runtime.docker.DockerRuntime;
import dev.icon.testing.CounterServiceImage;
import dev.icon.testing.Prerequisites;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DockerRuntime on the real Docker engine with the example counter service: limits and
 * confinement as inspected by the engine, health, counting, cold migration to a "second place"
 * (another runtime scope) keeping the count file, and failures that leave nothing behind.
 */
class DockerRuntimeIT {

  private static final String HOST = "unix:///var/run/docker.sock";
  @TempDir static Path tmp;
  private static Path imageTar;
  private static DockerClient inspector;

  private final String scope = "icon-it-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
  private final List<DockerRuntime> runtimes = new ArrayList<>();
  private final List<ImageRef> images = new ArrayList<>();

  @BeforeAll
  static void engineAndImage() throws Exception {
    RuntimeConfig probe = RuntimeConfig.builder().dockerHost(HOST).build();
    Prerequisites.require("a Docker engine answering at " + HOST, () -> DockerRuntime.available(probe));
    imageTar = CounterServiceImage.build(tmp.resolve("counter.tar"));
    var config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(HOST).build();
    inspector = DockerClientImpl.getInstance(config,
        new ApacheDockerHttpClient.Builder().dockerHost(URI.create(HOST)).build());
  }

  @AfterAll
  static void closeInspector() throws Exception {
    if (inspector != null) {
      inspector.close();
    }
  }

  private DockerRuntime runtime(String scopeSuffix, boolean removeOnClose) {
    DockerRuntime r = new DockerRuntime(RuntimeConfig.builder().dockerHost(HOST).scope(scope + scopeSuffix)
        .stopTimeout(Duration.ofSeconds(3)).removeOnClose(removeOnClose).build());
    runtimes.add(r);
    return r;
  }

  @BeforeEach
  void noLeftovers() {
    assertThat(labelled(scope)).isEmpty();
  }

  @AfterEach
  void cleanUp() {
    runtimes.forEach(DockerRuntime::close);
    for (ImageRef image : images) {
      try {
        inspector.removeImageCmd(image.name()).withForce(true).exec();
      } catch (RuntimeException e) {
        // already gone
      }
    }
    assertThat(labelled(scope)).as("containers left behind").isEmpty();
    assertThat(labelled(scope + "-b")).as("containers left behind").isEmpty();
  }

  private List<String> labelled(String s) {
    return inspector.listContainersCmd().withShowAll(true)
        .withLabelFilter(java.util.Map.of(RuntimeConfig.LABEL_SCOPE, s)).exec().stream()
        .map(c -> c.getId()).toList();
  }

  private ImageRef importCounter(DockerRuntime runtime, String name) throws Exception {
    try (InputStream in = Files.newInputStream(imageTar)) {
      ImageRef ref = runtime.importImage(name, in);
      images.add(ref);
      return ref;
    }
  }

  private static WorkloadSpec counter(ImageRef image) {
    return WorkloadSpec.builder("counter").image(image).command(CounterServiceImage.COMMAND)
        .servicePort(8080).limits(new ResourceLimits(250, 32, 0, 32))
        .healthCheck(HealthCheck.http(CounterServiceImage.HEALTH_PATH)).build();
  }

  private static String addr(Workload w) {
    return w.endpoint().getHostString() + ":" + w.endpoint().getPort();
  }

  @Test
  void runsConfinedCountsAndMigratesColdKeepingTheCountFile() throws Exception {
    DockerRuntime here = runtime("", true);
    ImageRef image = importCounter(here, "icon-it/" + scope + ":1");
    assertThat(inspector.inspectImageCmd(image.name()).exec().getId()).isEqualTo("sha256:" + image.sha256());

    Workload w = here.start(counter(image));
    HostConfig host = inspector.inspectContainerCmd(w.id()).exec().getHostConfig();
    assertThat(host.getMemory()).isEqualTo(32L << 20);
    assertThat(host.getNanoCPUs()).isEqualTo(250_000_000L);
    assertThat(host.getPidsLimit()).isEqualTo(32L);
    assertThat(host.getPrivileged()).isFalse();
    assertThat(host.getInit()).isTrue();
    assertThat(host.getReadonlyRootfs()).isTrue();
    assertThat(host.getCapDrop()).containsExactly(Capability.ALL);
    assertThat(host.getCapAdd()).isNullOrEmpty();
    Ports.Binding[] bound = host.getPortBindings().getBindings().values().iterator().next();
    assertThat(bound[0].getHostIp()).isEqualTo("127.0.0.1");

    HealthResult health = here.awaitHealthy(w.id());
    assertThat(health.healthy()).as(health.detail() + "\n" + here.logs(w.id(), 20)).isTrue();
    for (int i = 1; i <= 3; i++) {
      assertThat(CounterServiceImage.count(addr(w), false)).isEqualTo(i);
    }
    assertThatThrownBy(() -> here.removeImage(image))
        .isInstanceOfSatisfying(ContainerRuntimeException.class,
            e -> assertThat(e.error()).isEqualTo(ContainerRuntimeError.IMAGE_IN_USE));

    here.stop(w.id());
    assertThat(here.status(w.id()).state()).isEqualTo(WorkloadState.EXITED);
    ByteArrayOutputStream state = new ByteArrayOutputStream();
    here.exportState(w.id(), state);
    ByteArrayOutputStream fs = new ByteArrayOutputStream();
    here.exportFilesystem(w.id(), fs);
    here.remove(w.id());
    assertThat(labelled(scope)).isEmpty();

    DockerRuntime there = runtime("-b", true);
    ImageRef moved;
    try (InputStream in = new ByteArrayInputStream(fs.toByteArray())) {
      moved = there.importImage("icon-it/" + scope + "-moved:1", in);
      images.add(moved);
    }
    Workload w2 = there.restore(counter(moved), new ByteArrayInputStream(state.toByteArray()));
    assertThat(there.awaitHealthy(w2.id()).healthy()).isTrue();
    assertThat(CounterServiceImage.count(addr(w2), true)).isEqualTo(3);
    assertThat(CounterServiceImage.count(addr(w2), false)).isEqualTo(4);
    assertThat(there.logs(w2.id(), 50)).doesNotContain("Permission denied");
  }

  @Test
  void imageThatFailsToImportIsAClearErrorAndLeavesNoImage() {
    DockerRuntime here = runtime("", true);
    byte[] garbage = new byte[5000];
    new Random(11).nextBytes(garbage);
    String name = "icon-it/" + scope + "-bad:1";
    assertThatThrownBy(() -> here.importImage(name, new ByteArrayInputStream(garbage)))
        .isInstanceOfSatisfying(ContainerRuntimeException.class, e -> {
          assertThat(e.error()).isEqualTo(ContainerRuntimeError.IMAGE_IMPORT_FAILED);
          assertThat(e.getMessage()).contains("tar");
        });
    assertThat(inspector.listImagesCmd().withImageNameFilter(name).exec()).isEmpty();
  }

  @Test
  void containerThatFailsToStartOrRestoreIsAClearErrorAndLeavesNothing() throws Exception {
    DockerRuntime here = runtime("", true);
    ImageRef image = importCounter(here, "icon-it/" + scope + ":1");
    WorkloadSpec broken = counter(image).toBuilder().command("/bin/no-such-binary").build();
    assertThatThrownBy(() -> here.start(broken))
        .isInstanceOfSatisfying(ContainerRuntimeException.class,
            e -> assertThat(e.error()).isEqualTo(ContainerRuntimeError.START_FAILED));
    assertThat(labelled(scope)).isEmpty();

    byte[] garbage = new byte[3000];
    new Random(5).nextBytes(garbage);
    assertThatThrownBy(() -> here.restore(counter(image), new ByteArrayInputStream(garbage)))
        .isInstanceOfSatisfying(ContainerRuntimeException.class,
            e -> assertThat(e.error()).isEqualTo(ContainerRuntimeError.RESTORE_FAILED));
    assertThat(labelled(scope)).isEmpty();
    assertThat(here.workloads()).isEmpty();
    here.removeImage(image);
    assertThat(inspector.listImagesCmd().withImageNameFilter(image.name()).exec()).isEmpty();
  }

  @Test
  void leakedContainersOfAScopeAreFoundByLabelAndRemoved() throws Exception {
    DockerRuntime crashed = runtime("", false);
    ImageRef image = importCounter(crashed, "icon-it/" + scope + ":1");
    Workload w = crashed.start(counter(image));
    crashed.close(); // removeOnClose false: the container stays, as after a crash
    assertThat(labelled(scope)).containsExactly(w.id());

    DockerRuntime next = runtime("", true);
    assertThat(next.removeLeaked()).isEqualTo(1);
    assertThat(labelled(scope)).isEmpty();
  }
}
