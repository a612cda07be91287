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
import dev.icon.node.runtime.ContainerRuntime;
import dev.icon.node.runtime.ContainerRuntimeException;
import dev.icon.node.runtime.ImageRef;
import dev.icon.node.runtime.RuntimeConfig;
import dev.icon.node.runtime.Workload;
import dev.icon.node.runtime.docker.DockerRuntime;
import dev.icon.testing.CounterServiceImage;
import dev.icon.testing.Prerequisites;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runtime contract on the real Docker engine (places are two label scopes), plus what only
 * Docker does: the container's confinement as the engine reports it, and removal of leaked
 * containers by label.
 */
class DockerRuntimeIT extends ContainerRuntimeContract {

  private static final String HOST = "unix:///var/run/docker.sock";
  private static DockerClient inspector;

  private final String scope = "icon-it-" + tag;

  @BeforeAll
  static void engine() {
    RuntimeConfig probe = RuntimeConfig.builder().dockerHost(HOST).build();
    Prerequisites.require("a Docker engine answering at " + HOST, () -> DockerRuntime.available(probe));
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

  @Override
  protected ContainerRuntime newRuntime(String place) {
    return docker(place, true);
  }

  private DockerRuntime docker(String place, boolean removeOnClose) {
    return new DockerRuntime(RuntimeConfig.builder().dockerHost(HOST).scope(scope + "-" + place)
        .stopTimeout(Duration.ofSeconds(3)).removeOnClose(removeOnClose).build());
  }

  /** Containers on the engine labelled with the place's scope. */
  @Override
  protected List<String> leftovers(String place) {
    return inspector.listContainersCmd().withShowAll(true)
        .withLabelFilter(Map.of(RuntimeConfig.LABEL_SCOPE, scope + "-" + place)).exec().stream()
        .map(c -> c.getId()).toList();
  }

  @Override
  protected void removeImages(List<ImageRef> imported) {
    for (ImageRef image : imported) {
      try {
        inspector.removeImageCmd(image.name()).withForce(true).exec();
      } catch (RuntimeException e) {
        // removed by the test already
      }
    }
  }

  @Test
  void failedImportLeavesNoImageOfThatName() {
    String name = "icon-it/bad-" + tag + ":2";
    byte[] garbage = new byte[4000];
    new Random(3).nextBytes(garbage);
    assertThatThrownBy(() -> runtime("a").importImage(name, new ByteArrayInputStream(garbage)))
        .isInstanceOf(ContainerRuntimeException.class).hasMessageContaining("tar");
    assertThat(inspector.listImagesCmd().withImageNameFilter(name).exec()).isEmpty();
  }

  @Test
  void runsConfinedWithTheAgreedLimitsOnLoopbackOnly() throws Exception {
    DockerRuntime here = (DockerRuntime) runtime("a");
    ImageRef image = importCounter(here, "icon-it/counter-" + tag + ":1");
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
    assertThat(host.getSecurityOpts()).contains("no-new-privileges");
    Ports.Binding[] bound = host.getPortBindings().getBindings().values().iterator().next();
    assertThat(bound[0].getHostIp()).isEqualTo("127.0.0.1");
    assertThat(inspector.inspectContainerCmd(w.id()).exec().getConfig().getLabels())
        .containsEntry(RuntimeConfig.LABEL_WORKLOAD, "true").containsEntry(RuntimeConfig.LABEL_NAME, "counter");
    assertThat(here.awaitHealthy(w.id()).healthy()).isTrue();
    assertThat(CounterServiceImage.count(addr(w), false)).isEqualTo(1);
  }

  @Test
  void leakedContainersOfAScopeAreFoundByLabelAndRemoved() throws Exception {
    DockerRuntime crashed = docker("a", false);
    ImageRef image = importCounter(crashed, "icon-it/counter-" + tag + ":1");
    Workload w = crashed.start(counter(image));
    crashed.close(); // removeOnClose false: the container stays, as after a crash
    assertThat(leftovers("a")).containsExactly(w.id());

    DockerRuntime next = (DockerRuntime) runtime("a");
    assertThat(next.labelledContainers()).containsExactly(w.id());
    assertThat(next.removeLeaked()).isEqualTo(1);
    assertThat(leftovers("a")).isEmpty();
  }
}
